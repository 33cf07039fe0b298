package com.firesync.provider.enablebanking;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How FireSync reaches Enable Banking. The client exists only when an application id is set.
 *
 * @param applicationId the application's id ({@code ENABLEBANKING_APPLICATION_ID}), the {@code kid} of its JWTs
 * @param privateKey the application's RSA private key ({@code ENABLEBANKING_PRIVATE_KEY}): PEM content (PKCS#8
 *        {@code PRIVATE KEY} or PKCS#1 {@code RSA PRIVATE KEY}) or the path of a PEM file; never logged
 * @param baseUrl the API base URL ({@code ENABLEBANKING_BASE_URL}), {@code https://api.enablebanking.com} by default
 * @param connectTimeout the longest wait for a TCP/TLS connection
 * @param readTimeout the longest one call may take, to the last byte of the answer
 * @param jwtLifetime how long one application JWT is used (Enable Banking accepts at most 24 h)
 * @param consentValidity the consent asked for when linking, shortened to what the bank allows
 * @param lookback how far before the last sync an incremental read starts (Enable Banking has no change cursor:
 *        rows booked or edited late within this window are seen again)
 * @param zone the zone of the dates Enable Banking's date filters mean (UTC, as its reference says), also the day its
 *        banks count unattended calls in
 * @param unattendedCallsPerDay the calls of each kind (details, balances, transactions) the banks allow per account and
 *        per day without the user (PSD2 RTS art. 36(5): 4); FireSync never makes more
 */
@ConfigurationProperties("firesync.enablebanking")
@Validated
record EnableBankingSettings(@Nullable String applicationId, @Nullable String privateKey, @Nullable URI baseUrl,
        @DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout,
        @DefaultValue("1h") Duration jwtLifetime, @DefaultValue("P90D") Duration consentValidity,
        @DefaultValue("P14D") Duration lookback, @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("4") int unattendedCallsPerDay) {

    static final URI DEFAULT_BASE_URL = URI.create("https://api.enablebanking.com");

    EnableBankingSettings {
        applicationId = blankToNull(applicationId);
        privateKey = blankToNull(privateKey);
        if (baseUrl != null && baseUrl.toString().isBlank()) {
            baseUrl = null;
        }
        if (jwtLifetime.compareTo(Duration.ofMinutes(1)) < 0 || jwtLifetime.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("firesync.enablebanking.jwt-lifetime must be between 1 min and 24 h");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("firesync.enablebanking timeouts must be positive");
        }
        if (unattendedCallsPerDay < 1) {
            throw new IllegalArgumentException("firesync.enablebanking.unattended-calls-per-day must be at least 1");
        }
        if (consentValidity.compareTo(Duration.ofHours(1)) < 0 || lookback.isNegative()) {
            throw new IllegalArgumentException(
                    "firesync.enablebanking.consent-validity must be at least 1 h and lookback not negative");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "EnableBankingSettings[applicationId=" + applicationId + ", privateKey="
                + (privateKey == null ? "null" : "[redacted]") + ", baseUrl=" + baseUrl + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", jwtLifetime=" + jwtLifetime
                + ", consentValidity=" + consentValidity + ", lookback=" + lookback + ", zone=" + zone
                + ", unattendedCallsPerDay=" + unattendedCallsPerDay + "]";
    }
}
