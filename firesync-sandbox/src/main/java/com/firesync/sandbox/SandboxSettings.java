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
        @DefaultValue("false") boolean control, @Nullable Path stateFile) {

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

    WorldSettings world() {
        return new WorldSettings(seed, history, accountsPerConnection, transactionsPerDay);
    }
}
