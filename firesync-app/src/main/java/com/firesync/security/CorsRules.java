package com.firesync.security;

import com.firesync.shared.Problems;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cross-origin rules for {@code /api/**}: only the configured origins, bearer tokens only (no credentials, no cookies).
 * A refused cross-origin request is a 403 problem.
 */
final class CorsRules {

    private CorsRules() {
    }

    static CorsFilter filter(SecuritySettings.Cors settings, JsonMapper json) {
        var config = new CorsConfiguration();
        config.setAllowedOrigins(settings.allowedOrigins());
        config.setAllowedMethods(List.of("GET", "POST", "DELETE"));
        config.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE));
        config.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER));
        config.setAllowCredentials(false);
        config.setMaxAge(Duration.ofHours(1));
        var source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", config);
        var filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor(json));
        return filter;
    }

    /** Spring's CORS checks, refusing with a problem body rather than plain text. */
    private static final class ProblemCorsProcessor extends DefaultCorsProcessor {

        private final JsonMapper json;

        ProblemCorsProcessor(JsonMapper json) {
            this.json = json;
        }

        @Override
        protected void rejectRequest(ServerHttpResponse response) throws IOException {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            response.getBody().write(json.writeValueAsBytes(Problems.of(HttpStatus.FORBIDDEN, "cors_refused",
                    "This origin may not call the FireSync API.")));
            response.flush();
        }
    }
}
