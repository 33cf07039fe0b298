package com.firesync.security;

import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Security settings.
 *
 * @param encryptionKey the Tink JSON keyset (or base64 of it) that encrypts secrets at rest
 *        ({@code FIRESYNC_ENCRYPTION_KEY}); blank means the key file in the data directory, generated on first start
 * @param rateLimit how many requests one API token may make
 * @param cors which browser origins may call the API
 * @param bodyLimits the largest request bodies accepted
 */
@ConfigurationProperties("firesync.security")
@Validated
record SecuritySettings(@DefaultValue("") String encryptionKey, @DefaultValue RateLimit rateLimit,
        @DefaultValue Cors cors, @DefaultValue BodyLimits bodyLimits) {

    @Override
    public String toString() {
        return "SecuritySettings[encryptionKey=" + (encryptionKey.isBlank() ? "<key file>" : "<redacted>")
                + ", rateLimit=" + rateLimit + ", cors=" + cors + ", bodyLimits="
                + bodyLimits + "]";
    }

    /**
     * The per-token request rate limit, kept in memory on each instance.
     *
     * @param requestsPerMinute the sustained rate one token may make requests at
     * @param burst how many requests one token may make at once before the sustained rate applies
     */
    record RateLimit(@DefaultValue("600") @Min(1) int requestsPerMinute, @DefaultValue("100") @Min(1) int burst) {
    }

    /**
     * Cross-origin access to the API from browsers: closed unless origins are listed.
     *
     * @param allowedOrigins origins (such as {@code https://app.example.com}) whose pages may call {@code /api/**}
     *        with an API token; empty refuses every cross-origin request
     */
    record Cors(@DefaultValue List<String> allowedOrigins) {
    }

    /**
     * Request body caps, over which a request is refused with 413.
     *
     * @param standard the cap on every route but webhooks
     * @param webhooks the cap on {@code /api/webhooks/**}, whose bodies can carry many transactions
     */
    record BodyLimits(@DefaultValue("64KB") DataSize standard, @DefaultValue("20MB") DataSize webhooks) {
    }
}
