package com.firesync.provider.powens;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Powens' webhook signature: {@code BI-Signature} is the Base64 HMAC-SHA256, keyed with the webhook secret, of
 * {@code METHOD.PATH.DATE.BODY}, where {@code PATH} is the request path Powens called (no scheme, host or query),
 * {@code DATE} the raw {@code BI-Signature-Date} header and {@code BODY} the raw body bytes. Verify before parsing the
 * body; checking that the date is recent is the caller's job (Powens does not prevent replays).
 */
public final class WebhookSignature {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /**
     * @param secret the webhook secret ({@code POWENS_WEBHOOK_SECRET})
     */
    public WebhookSignature(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("The webhook secret cannot be blank");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /**
     * Whether {@code signature} (the {@code BI-Signature} header) signs this request. Compares in constant time;
     * a signature that is not Base64 does not match.
     */
    public boolean verify(String method, String path, String date, byte[] body, String signature) {
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(method, path, date, body), given);
    }

    /**
     * The {@code BI-Signature} value for a request, as Powens computes it (for the sandbox and tests).
     */
    public String sign(String method, String path, String date, byte[] body) {
        return Base64.getEncoder().encodeToString(mac(method, path, date, body));
    }

    private byte[] mac(String method, String path, String date, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            String prefix = method.toUpperCase(java.util.Locale.ROOT) + "." + path + "." + date + ".";
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSignature[secret redacted]";
    }
}
