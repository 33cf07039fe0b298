package com.firesync.provider;

import org.jspecify.annotations.Nullable;

/**
 * Reads the provider's webhooks: checks their signature on the raw bytes, then turns the body into a
 * {@link WebhookEvent}.
 */
public interface WebhookReader {

    /**
     * Whether an HMAC signature matches the raw request, compared in constant time. {@code false} when no webhook
     * secret is configured.
     */
    boolean verifySignature(String method, String path, String date, byte[] body, String signature);

    /**
     * Reads a webhook body.
     *
     * @param event the event's name when the receiving route names it (e.g. {@code CONNECTION_SYNCED}); otherwise
     *        it is recognised from the body's shape
     * @throws ProviderException with a {@link ProviderFailure.Permanent} failure when the body is not a webhook
     */
    WebhookEvent read(@Nullable String event, byte[] body);
}
