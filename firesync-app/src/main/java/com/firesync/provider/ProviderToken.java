package com.firesync.provider;

import java.util.Objects;

/**
 * A provider user's access token (for Powens, the permanent user token): the only key to that user's bank data. It
 * is a secret, so {@link #toString()} never shows it; read {@link #value()} only to send it to the provider or to
 * encrypt it.
 *
 * @param value the token as the provider issued it
 */
public record ProviderToken(String value) {

    public ProviderToken {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A provider token cannot be blank");
        }
    }

    @Override
    public String toString() {
        return "ProviderToken[redacted]";
    }
}
