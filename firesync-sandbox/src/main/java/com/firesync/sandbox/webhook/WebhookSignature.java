package com.firesync.sandbox.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Powens' HMAC webhook signature: {@code BI-Signature = base64(HMAC-SHA256(secret, METHOD.PATH.DATE.BODY))}, with
 * {@code DATE} the raw {@code BI-Signature-Date} header.
 */
final class WebhookSignature {

    private final byte[] secret;

    WebhookSignature(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    String sign(String method, String path, String date, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] signed = mac
                    .doFinal((method + "." + path + "." + date + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
