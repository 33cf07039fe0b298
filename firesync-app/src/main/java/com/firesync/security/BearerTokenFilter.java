package com.firesync.security;

import com.firesync.shared.Caller;
import com.firesync.shared.Sha256;
import com.firesync.user.UserAccounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api token>}. A request without a valid token stays anonymous and is
 * refused by the authorization rules where a token is required. A valid token over its rate limit is answered 429
 * here, before any handler runs.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String SCHEME = "Bearer ";

    private final UserAccounts accounts;

    private final TokenRateLimit rateLimit;

    private final ProblemResponses problems;

    BearerTokenFilter(UserAccounts accounts, TokenRateLimit rateLimit, ProblemResponses problems) {
        this.accounts = accounts;
        this.rateLimit = rateLimit;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            String token = header.substring(SCHEME.length()).strip();
            Optional<Caller> caller = accounts.authenticate(token);
            if (caller.isPresent()) {
                OptionalLong wait = rateLimit.tryAcquire(Sha256.hex(token));
                if (wait.isPresent()) {
                    problems.rateLimited(response, wait.getAsLong());
                    return;
                }
                signIn(caller.get());
            }
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
