package com.firesync.provider.powens;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

    private static final String DATE = "2026-03-10T09:00:00Z";

    private static final byte[] BODY = "{\"connection\":{\"id\":5,\"label\":\"caf\u00e9\"}}"
            .getBytes(StandardCharsets.UTF_8);

    private final WebhookSignature signature = new WebhookSignature("whsec");

    @Test
    void matchesAnIndependentlyComputedHmacOfMethodPathDateAndBody() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("whsec".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(
                ("POST./api/webhooks/powens." + DATE + "." + new String(BODY, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8)));

        assertThat(signature.sign("post", "/api/webhooks/powens", DATE, BODY)).isEqualTo(expected);
        assertThat(signature.verify("POST", "/api/webhooks/powens", DATE, BODY, expected)).isTrue();
    }

    @Test
    void rejectsATamperedBodyDatePathOrKey() {
        String good = signature.sign("POST", "/api/webhooks/powens", DATE, BODY);
        byte[] tampered = BODY.clone();
        tampered[5] ^= 1;

        assertThat(signature.verify("POST", "/api/webhooks/powens", DATE, tampered, good)).isFalse();
        assertThat(signature.verify("POST", "/api/webhooks/powens", "2026-03-10T09:00:01Z", BODY, good)).isFalse();
        assertThat(signature.verify("POST", "/other", DATE, BODY, good)).isFalse();
        assertThat(new WebhookSignature("other").verify("POST", "/api/webhooks/powens", DATE, BODY, good)).isFalse();
    }

    @Test
    void rejectsASignatureThatIsNotBase64() {
        assertThat(signature.verify("POST", "/api/webhooks/powens", DATE, BODY, "%%not base64%%")).isFalse();
        assertThat(signature.verify("POST", "/api/webhooks/powens", DATE, BODY, "")).isFalse();
    }

    @Test
    void neverShowsTheSecret() {
        assertThat(signature.toString()).doesNotContain("whsec");
    }
}
