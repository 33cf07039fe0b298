package com.firesync.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class CorsRulesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void acceptsPreflightFromAConfiguredOrigin() throws Exception {
        var filter = CorsRules.filter(new SecuritySettings.Cors(List.of("https://app.example")), JSON);
        var response = new MockHttpServletResponse();

        filter.doFilter(preflight("https://app.example"), response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
        assertThat(response.getHeader("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(response.getHeader("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void refusesOtherOriginsWithAProblem() throws Exception {
        var filter = CorsRules.filter(new SecuritySettings.Cors(List.of("https://app.example")), JSON);
        var response = new MockHttpServletResponse();

        filter.doFilter(preflight("https://evil.example"), response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("cors_refused");
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
    }

    private static MockHttpServletRequest preflight(String origin) {
        var request = new MockHttpServletRequest("OPTIONS", "/api/accounts");
        request.addHeader("Origin", origin);
        request.addHeader("Access-Control-Request-Method", "GET");
        request.addHeader("Access-Control-Request-Headers", "authorization");
        return request;
    }
}
