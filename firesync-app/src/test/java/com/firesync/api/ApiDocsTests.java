package com.firesync.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.NestedTestConfiguration;
import org.springframework.test.context.NestedTestConfiguration.EnclosingConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The OpenAPI description and Swagger UI exist only when ENABLE_API_DOCS is true.
 */
class ApiDocsTests {

    @Nested
    @FireSyncTest
    @NestedTestConfiguration(EnclosingConfiguration.OVERRIDE)
    class ByDefault {

        @LocalServerPort
        int port;

        @Test
        void servesNoApiDocs() {
            assertThat(Http.local(port).get("/v3/api-docs", null).status()).isEqualTo(404);
            assertThat(Http.local(port).get("/swagger-ui/index.html", null).status()).isEqualTo(404);
        }
    }

    @Nested
    @FireSyncTest
    @NestedTestConfiguration(EnclosingConfiguration.OVERRIDE)
    @TestPropertySource(properties = "ENABLE_API_DOCS=true")
    class WhenEnabled {

        @LocalServerPort
        int port;

        @Test
        void describesTheApiWithoutAToken() {
            var docs = Http.local(port).get("/v3/api-docs", null);

            assertThat(docs.status()).isEqualTo(200);
            assertThat(docs.json().get("paths").has("/api/transactions")).isTrue();
            assertThat(Http.local(port).get("/swagger-ui/index.html", null).status()).isEqualTo(200);
            var yaml = Http.local(port).get("/v3/api-docs.yaml", null);
            assertThat(yaml.status()).isEqualTo(200);
            assertThat(yaml.body()).startsWith("openapi:").contains("/api/transactions:");
        }
    }
}
