package com.firesync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.FireSyncApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Inside FireSync, with no Powens credentials configured, the sandbox is on, reachable without a FireSync token,
 * accepts FireSync's own callback as redirect URI, and answers Powens error bodies rather than FireSync's problem JSON,
 * unknown routes and wrong methods included; its Enable Banking face likewise, with a key of its own kept in the data
 * directory.
 */
@SpringBootTest(classes = FireSyncApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SandboxInAppTests {

    @TempDir
    static Path data;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("firesync.data-dir", () -> data.toString());
        registry.add("firesync.sandbox.history", () -> "P10D");
        registry.add("firesync.sandbox.refresh-interval", () -> "0s");
        registry.add("firesync.sandbox.allow-local-redirects", () -> "false");
    }

    @Test
    void theSandboxRunsInsideFireSyncWithPowensErrorBodies() throws Exception {
        var http = new SandboxHttp("http://127.0.0.1:" + port);
        String token = http.init();

        var refused = http.get("/sandbox/2.0/users/me/accounts", token);
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = http.json.readTree(refused.body());
        assertThat(error.get("code").asString()).isEqualTo("noAccount");
        assertThat(error.has("request_id")).isTrue();
        assertThat(error.has("success")).isFalse();

        String elsewhere = "/sandbox/webview/en/connect" + SandboxHttp.webviewQuery(http.code(token), "s");
        assertThat(http.get(elsewhere, "").statusCode()).isEqualTo(400);
        http.connect(token, "demo", "inapp", "http://localhost:" + port + "/api/auth/powens/callback");
        assertThat(http.allPages("/sandbox/2.0/users/me/transactions?min_date=2000-01-01&limit=1000", token))
                .isNotEmpty();
        assertThat(http.get("/sandbox/2.0/users/me/transactions?limit=5000", token).statusCode()).isEqualTo(400);

        // routes no sandbox handler serves: FireSync's problem JSON would answer them, were it not for the sandbox
        var unknown = http.get("/sandbox/2.0/users/me/nothing-here", token);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(http.json.readTree(unknown.body()).get("code").asString()).isEqualTo("notFound");
        var wrongMethod = http.send("PATCH", "/sandbox/2.0/users/me/connections", token, "{}", "application/json");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(http.json.readTree(wrongMethod.body()).get("code").asString()).isEqualTo("methodNotAllowed");
        assertThat(PowensSpec.get().schemaViolations("ServiceError", wrongMethod.body())).isEmpty();
    }

    @Test
    void theEnableBankingFaceRunsInsideFireSyncWithAKeyInTheDataDirectory() throws Exception {
        Path keyFile = data.resolve("sandbox-enablebanking-key.pem");
        assertThat(Files.getPosixFilePermissions(keyFile)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        String pem = Files.readString(keyFile).replaceAll("-----[A-Z ]+-----|\\s", "");
        var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                .decode(pem)));
        var eb = new EnableBankingHttp("http://127.0.0.1:" + port, new KeyPair(null, key),
                "0e5b0a9c-5a2d-4e6b-9a57-3f1c2b7d4e01", Clock.systemUTC());

        assertThat(eb.ok(eb.get("/aspsps")).get("aspsps")).hasSize(2);
        assertThat(eb.error(eb.send("GET", "/aspsps", "", "", Map.of()), 401)).isEqualTo("AUTHORIZATION_NOT_PROVIDED");
        assertThat(eb.json.readTree(eb.get("/nothing-here").body()).get("code").asInt()).isEqualTo(404);
        assertThat(eb.json.readTree(eb.send("PUT", "/aspsps", eb.jwt(), "", Map.of()).body()).get("code").asInt())
                .isEqualTo(405);
        String callback = "http://localhost:" + port + "/api/auth/enablebanking/callback";
        String url = eb.startAuthorization("Demo Bank", Duration.ofDays(1), "s", callback).get("url").asString();
        var page = eb.send("GET", url, "", "", Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("form-action 'self' http://localhost:" + port);
        assertThat(eb.error(eb.send("POST", "/auth", eb.jwt(), EnableBankingHttp.authBody("Demo Bank",
                Instant.now().plus(Duration.ofDays(1)).toString(), "s", "http://localhost:9/elsewhere"), Map.of()),
                422)).isEqualTo("REDIRECT_URI_NOT_ALLOWED");
    }
}
