package com.firesync.security;

import com.firesync.user.UserAccounts;
import jakarta.servlet.DispatcherType;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import tools.jackson.databind.json.JsonMapper;

/**
 * The access rules. Stateless bearer tokens, no sessions, no CSRF (no cookies are ever issued). Routes under
 * {@code /api/**} need a token unless listed as public; {@code /api/admin/**} and the actuator beyond health need the
 * admin role. Every answer carries the security headers ({@code nosniff}, {@code X-Frame-Options: DENY},
 * {@code Referrer-Policy: no-referrer}, a {@link ContentSecurityPolicy}); cross-origin calls follow {@link CorsRules}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * Routes under /api that authenticate their own way (the Powens callback carries a state, webhooks a signature, the
     * WebSocket stream a bearer header or a single-use ticket, checked by its handshake).
     */
    static final String[] PUBLIC_API = {"/api/auth/powens/callback", "/api/auth/enablebanking/callback",
            "/api/webhooks/**", "/api/ws"};

    /**
     * No observation of each security filter, authentication and authorization: on every request they cost more than
     * the filters they watch. The request as a whole is still observed ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, UserAccounts accounts, JsonMapper json,
            SecuritySettings settings,
            Clock clock) throws Exception {
        var problems = new ProblemResponses(json);
        var rateLimit = new TokenRateLimit(settings.rateLimit(), clock);
        http.csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new ContentSecurityPolicy()))
                .cors(cors -> cors.disable())
                .addFilterAfter(CorsRules.filter(settings.cors(), json), HeaderWriterFilter.class)
                .addFilterBefore(new BodySizeLimit(settings.bodyLimits(), problems),
                        AnonymousAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(accounts, rateLimit, problems),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ASYNC)
                        // the continuation of a request authorized already (an event stream's end)
                        .permitAll()
                        .requestMatchers(PUBLIC_API)
                        .permitAll()
                        .requestMatchers("/api/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/sync/jobs/trigger/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/**")
                        .authenticated()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .permitAll());
        return http.build();
    }
}
