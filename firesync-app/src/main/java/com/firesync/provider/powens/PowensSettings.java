package com.firesync.provider.powens;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How FireSync reaches Powens (see {@link PowensEndpoints} for the defaults).
 *
 * @param domain the Powens domain ({@code POWENS_DOMAIN}): {@code acme-sandbox} or the full host
 *        {@code acme-sandbox.biapi.pro}
 * @param clientId the client application id ({@code POWENS_CLIENT_ID})
 * @param clientSecret the client application secret ({@code POWENS_CLIENT_SECRET})
 * @param webhookSecret the HMAC key of signed webhooks ({@code POWENS_WEBHOOK_SECRET})
 * @param baseUrl the API base URL, overriding the one derived from the domain ({@code POWENS_BASE_URL}), for a proxy
 *        or a test server
 * @param webviewUrl the Webview base URL, overriding the default ({@code POWENS_WEBVIEW_URL})
 * @param timezone the zone of Powens' naive timestamps ({@code last_update}, {@code deleted}...), Europe/Paris
 * @param connectTimeout the longest wait for a TCP/TLS connection
 * @param readTimeout the longest one call may take, from sending the request to the last byte of the answer
 * @param refreshTimeout the longest a forced refresh may take: Powens may answer it only once the bank sync ended
 * @param pageSize how many transactions one page asks for (Powens allows at most 1000)
 */
@ConfigurationProperties("firesync.powens")
@Validated
record PowensSettings(@Nullable String domain, @Nullable String clientId, @Nullable String clientSecret,
        @Nullable String webhookSecret, @Nullable URI baseUrl, @Nullable URI webviewUrl,
        @DefaultValue("Europe/Paris") ZoneId timezone, @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout, @DefaultValue("2m") Duration refreshTimeout,
        @DefaultValue("1000") @Min(1) @Max(1000) int pageSize) {

    PowensSettings {
        domain = blankToNull(domain);
        clientId = blankToNull(clientId);
        clientSecret = blankToNull(clientSecret);
        webhookSecret = blankToNull(webhookSecret);
        if (baseUrl != null && baseUrl.toString().isBlank()) {
            baseUrl = null;
        }
        if (webviewUrl != null && webviewUrl.toString().isBlank()) {
            webviewUrl = null;
        }
        if (!isPositive(connectTimeout) || !isPositive(readTimeout) || !isPositive(refreshTimeout)) {
            throw new IllegalArgumentException("firesync.powens timeouts must be positive");
        }
    }

    /** These settings with other URLs. */
    PowensSettings withUrls(@Nullable URI baseUrl, @Nullable URI webviewUrl) {
        return new PowensSettings(domain, clientId, clientSecret, webhookSecret, baseUrl, webviewUrl, timezone,
                connectTimeout, readTimeout, refreshTimeout, pageSize);
    }

    /** Whether a Powens client is configured, real or the one the built-in sandbox offers. */
    boolean hasCredentials() {
        return clientId != null || clientSecret != null;
    }

    private static boolean isPositive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "PowensSettings[domain=" + domain + ", clientId=" + clientId + ", clientSecret="
                + redacted(clientSecret) + ", webhookSecret=" + redacted(webhookSecret) + ", baseUrl=" + baseUrl
                + ", webviewUrl=" + webviewUrl + ", timezone=" + timezone + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", refreshTimeout=" + refreshTimeout + ", pageSize=" + pageSize
                + "]";
    }

    static String redacted(@Nullable String secret) {
        return secret == null ? "null" : "[redacted]";
    }
}
