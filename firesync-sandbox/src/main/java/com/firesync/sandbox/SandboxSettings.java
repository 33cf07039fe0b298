package com.firesync.sandbox;

import com.firesync.sandbox.world.WorldSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The sandbox's settings ({@code firesync.sandbox.*}, or {@code FIRESYNC_SANDBOX_*} environment variables). Every
 * default is here.
 *
 * @param enabled on or off inside FireSync; unset means on exactly when no Powens client id is configured
 * @param standalone set by {@link SandboxServer} only: the process runs the sandbox alone
 * @param seed the seed of the bank world (default 42)
 * @param clientId the client id the sandbox accepts (default {@code firesync-sandbox})
 * @param clientSecret the client secret the sandbox accepts (default {@code firesync-sandbox-secret})
 * @param redirectUris webview redirect URIs allowed exactly (in-app, FireSync's own callback always is)
 * @param allowLocalRedirects whether any redirect URI on localhost, 127.0.0.1 or [::1] is allowed (default true)
 * @param history how far back a new connection's transactions go (default 730 days)
 * @param accountsPerConnection accounts per connection, 1 to 9 (default 5): a Test Bank connection cycles checking,
 *        savings, card; a Demo Bank household holds at most five (checking, Livret A, card, investment, then its loan
 *        if it has a mortgage), so 5 shows them all and 3 only the first three
 * @param transactionsPerDay average operations per account per simulated day, 1 to 20 (default 3)
 * @param refreshInterval clock time between background refreshes of a connection; zero disables them (default 1 h)
 * @param latency added to every API call (default none)
 * @param faultRate share of API calls answering 503, 0 to 1 (default 0)
 * @param rateLimit provider-wide requests per second before answering 429; zero means unlimited (default 0)
 * @param webhook where and how {@code CONNECTION_SYNCED} webhooks are sent
 * @param control whether {@code POST /sandbox/control} may move the clock and turn the knobs above while the sandbox
 *        runs (default false; for load tests against the standalone sandbox)
 * @param stateFile where the sandbox remembers its users, tokens, connections and clock across restarts; in-app it
 *        defaults to {@code sandbox-state.json} in FireSync's data directory, standalone to nowhere (all in memory)
 * @param enablebanking the Enable Banking face ({@code firesync.sandbox.enablebanking.*})
 */
@ConfigurationProperties("firesync.sandbox")
@Validated
public record SandboxSettings(@Nullable Boolean enabled, @DefaultValue("false") boolean standalone,
        @DefaultValue("42") long seed, @DefaultValue(CLIENT_ID) @NotBlank String clientId,
        @DefaultValue(CLIENT_SECRET) @NotBlank String clientSecret,
        @DefaultValue List<String> redirectUris, @DefaultValue("true") boolean allowLocalRedirects,
        @DefaultValue("P730D") Duration history, @DefaultValue("5") @Min(1) @Max(9) int accountsPerConnection,
        @DefaultValue("3") @Min(1) @Max(20) int transactionsPerDay, @DefaultValue("PT1H") Duration refreshInterval,
        @DefaultValue("PT0S") Duration latency, @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double faultRate,
        @DefaultValue("0") @DecimalMin("0") double rateLimit, @DefaultValue @Valid Webhook webhook,
        @DefaultValue("false") boolean control, @Nullable Path stateFile,
        @DefaultValue @Valid EnableBanking enablebanking) {

    static final String CLIENT_ID = "firesync-sandbox";

    static final String CLIENT_SECRET = "firesync-sandbox-secret";

    static final String WEBHOOK_SECRET = "firesync-sandbox-webhook-secret";

    /**
     * Webhook delivery.
     *
     * @param url where to POST; unset means FireSync's own {@code /api/webhooks/powens} in-app, and no webhooks
     *        standalone
     * @param secret the HMAC secret of {@code BI-Signature} (default {@code firesync-sandbox-webhook-secret})
     * @param maxAttempts deliveries tried per webhook before giving up (default 5)
     * @param backoff wait before the first retry, doubled after each (default 1 s)
     */
    public record Webhook(@Nullable URI url, @DefaultValue(WEBHOOK_SECRET) @NotBlank String secret,
            @DefaultValue("5") @Min(1) int maxAttempts, @DefaultValue("PT1S") Duration backoff) {
    }

    /**
     * The Enable Banking face under {@code /sandbox/enablebanking}.
     *
     * @param applicationId the one application it knows: the {@code kid} its JWTs must carry (default
     *        {@value #EB_APPLICATION_ID})
     * @param publicKey that application's RSA public key, as PEM ({@code PUBLIC KEY} or {@code CERTIFICATE}) or the
     *        path of a PEM file; unset means a key pair of the sandbox's own (see {@code keyFile})
     * @param keyFile with no {@code publicKey}: where the sandbox keeps the private key of its own pair (PKCS#8 PEM,
     *        owner-only), read at start-up when present and written when generated, so that a client on the same
     *        machine can sign with it; unset means the pair lives in memory only and nobody can sign (in-app it
     *        defaults to {@code sandbox-enablebanking-key.pem} in FireSync's data directory)
     * @param redirectUrls the application's redirect URLs, allowed exactly (local ones are also allowed when
     *        {@code allow-local-redirects} is on; in-app, FireSync's own callback always is)
     * @param pageSize transactions per page (default 100)
     * @param unattendedLimit calls per account, per day (UTC) and per kind (details, balances, transactions) without
     *        the PSU headers of a present user before answering 429 (default 4)
     * @param maximumConsentValidity the banks' {@code maximum_consent_validity} (default 180 days)
     * @param codeLifetime how long the authorisation code of the redirect may be exchanged (default 10 minutes)
     */
    public record EnableBanking(@DefaultValue(EB_APPLICATION_ID) @NotBlank String applicationId,
            @Nullable String publicKey, @Nullable Path keyFile, @DefaultValue List<String> redirectUrls,
            @DefaultValue("100") @Min(1) @Max(1000) int pageSize, @DefaultValue("4") @Min(1) int unattendedLimit,
            @DefaultValue("P180D") Duration maximumConsentValidity, @DefaultValue("PT10M") Duration codeLifetime) {
    }

    static final String EB_APPLICATION_ID = "0e5b0a9c-5a2d-4e6b-9a57-3f1c2b7d4e01";

    WorldSettings world() {
        return new WorldSettings(seed, history, accountsPerConnection, transactionsPerDay);
    }
}
