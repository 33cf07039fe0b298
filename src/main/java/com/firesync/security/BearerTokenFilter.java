package com.firesync.security;

import com.firesync.shared.Caller;
import com.firesync.user.UserAccounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api token>}. A request without a valid token stays anonymous and is
 * refused by the authorization rules where a token is required.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String SCHEME = "Bearer ";

    private final UserAccounts accounts;

    BearerTokenFilter(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            accounts.authenticate(header.substring(SCHEME.length()).strip()).ifPresent(BearerTokenFilter::signIn);
        }
        chain.doFilter(request, response);
    }

    private static void signIn(Caller caller) {
        var authorities = AuthorityUtils.createAuthorityList(Arrays.asList(caller.role().authorities()));
        var authentication = UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
    }
}
