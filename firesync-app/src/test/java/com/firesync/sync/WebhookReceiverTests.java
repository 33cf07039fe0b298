package com.firesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.Http.Answer;
import com.firesync.testing.MutableClock;
import com.firesync.testing.TestClockConfiguration;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The webhook route accepts only bodies signed with the secret, within five minutes of their signing date, once.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = "POWENS_WEBHOOK_SECRET=test-webhook-secret")
class WebhookReceiverTests {

    static final String PATH = "/api/webhooks/powens";

    static final String BODY = "{\"user\":{\"id\":7},\"connection\":{\"id\":999,\"id_user\":7,\"state\":null,"
            + "\"accounts\":[]}}";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void setUp() {
        http = Http.local(port);
    }

    @Test
    void acceptsASignedWebhookOnceAndRefusesItsReplay() {
        String date = DateTimeFormatter.ISO_INSTANT.format(clock.instant());
        String signature = sign("test-webhook-secret", date, BODY);

        Answer first = post(PATH, date, signature, BODY);
        Answer replay = post(PATH, date, signature, BODY);

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.json().get("data").get("event").asString()).isEqualTo("CONNECTION_SYNCED");
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.json().get("code").asString()).isEqualTo("webhook_replayed");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_inbox").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void refusesWrongSecretsAlteredBodiesStaleDatesAndMissingHeaders() {
        String date = DateTimeFormatter.ISO_INSTANT.format(clock.instant());
        String stale = DateTimeFormatter.ISO_INSTANT.format(clock.instant().minus(Duration.ofMinutes(6)));

        assertRefused(post(PATH, date, sign("another-secret", date, BODY), BODY), "invalid_signature");
        assertRefused(post(PATH, date, sign("test-webhook-secret", date, BODY), BODY.replace("999", "998")),
                "invalid_signature");
        assertRefused(post(PATH, stale, sign("test-webhook-secret", stale, BODY), BODY), "stale_signature_date");
        assertRefused(post(PATH, "yesterday", sign("test-webhook-secret", "yesterday", BODY), BODY),
                "invalid_signature_date");
        assertRefused(post(PATH, null, null, BODY), "missing_signature");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_inbox").query(Long.class).single()).isZero();
    }

    @Test
    void acknowledgesAndIgnoresUnknownEvents() {
        String date = DateTimeFormatter.ISO_INSTANT.format(clock.instant());
        String body = "{\"id\":5}";

        Answer answer = post(PATH + "/USER_SYNCED", date,
                sign("test-webhook-secret", date, body, PATH + "/USER_SYNCED"),
                body);

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("data").get("event").asString()).isEqualTo("USER_SYNCED");
    }

    private Answer post(String path, String date, String signature, String body) {
        var request = http.request(path, null)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (date != null) {
            request.header("BI-Signature-Date", date);
        }
        if (signature != null) {
            request.header("BI-Signature", signature);
        }
        return http.send(request);
    }

    private static void assertRefused(Answer answer, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.json().get("code").asString()).isEqualTo(code);
    }

    private static String sign(String secret, String date, String body) {
        return sign(secret, date, body, PATH);
    }

    /** An independent HMAC-SHA256 of {@code METHOD.PATH.DATE.BODY}, base64. */
    private static String sign(String secret, String date, String body, String path) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("POST." + path + "." + date + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
