package com.firesync.sync;

import com.firesync.connection.ClaimantRegistry;
import com.firesync.connection.ConnectionLifecycle;
import com.firesync.connection.ConnectionSnapshot;
import com.firesync.connection.ConnectionState;
import com.firesync.ledger.LedgerWriter;
import com.firesync.ledger.WriteCounts;
import com.firesync.provider.BankingProvider;
import com.firesync.provider.BankingProviders;
import com.firesync.provider.ConnectionHealth;
import com.firesync.provider.ProviderException;
import com.firesync.provider.WebhookEvent;
import com.firesync.provider.WebhookReader;
import com.firesync.shared.MetricNames;
import com.firesync.sync.TransactionPull.AccountRef;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Applies stored webhooks in the background through the same idempotent writer as syncs. A
 * {@code CONNECTION_SYNCED} carries the refresh's new and changed transactions: they are written directly, so data
 * flows without polling; the sync cursor does not move, so the next sync still reads everything it has not seen.
 */
@Component
class WebhookApplier {

    private static final Logger log = LoggerFactory.getLogger(WebhookApplier.class);

    private final WebhookInbox inbox;

    private final WebhookReader reader;

    private final ConnectionLifecycle connections;

    private final LedgerWriter ledger;

    private final BankingProvider provider;

    private final SyncSettings settings;

    /** Webhook applications claim as this instance, so that a stop releases their claims too. */
    private final String instance;

    private final Clock clock;

    private final MeterRegistry meters;

    WebhookApplier(WebhookInbox inbox, WebhookReader reader, ConnectionLifecycle connections, LedgerWriter ledger,
            BankingProviders providers, SyncSettings settings, ClaimantRegistry claimant, Clock clock,
            MeterRegistry meters) {
        this.instance = claimant.id();
        this.meters = meters;
        this.settings = settings;
        this.inbox = inbox;
        this.reader = reader;
        this.connections = connections;
        this.ledger = ledger;
        // webhooks are Powens' (its reader verifies them)
        this.provider = providers.get(BankingProviders.POWENS);
        this.clock = clock;
    }

    // no transaction around the listener: the sync commits account by account and must not hold row locks
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WebhookReceived received) {
        inbox.load(received.inboxId()).ifPresent(stored -> {
            WebhookOutcome outcome;
            try {
                outcome = apply(reader.read(stored.event(), stored.body()));
            } catch (ProviderException e) {
                outcome = WebhookOutcome.MALFORMED;
            }
            inbox.done(stored.id(), outcome);
            meters.counter(MetricNames.WEBHOOKS_APPLIED, "outcome", outcome.code()).increment();
        });
    }

    private WebhookOutcome apply(WebhookEvent event) {
        return switch (event) {
            case WebhookEvent.ConnectionSynced synced -> connectionSynced(synced);
            case WebhookEvent.ConnectionDeleted deleted -> connections.byProviderId(provider.name(),
                    deleted.providerConnectionId())
                    .filter(connection -> connections.providerReported(connection.id(), ConnectionState.DISABLED,
                            null, clock.instant()))
                    .map(connection -> WebhookOutcome.DISABLED)
                    .orElse(WebhookOutcome.UNKNOWN_CONNECTION);
            case WebhookEvent.AccountChanged changed -> connections.byProviderId(provider.name(),
                    changed.account().connectionId())
                    .map(connection -> claimed(connection,
                            () -> ledger.writeAccounts(connection.id(), connection.userId(),
                                    List.of(changed.account()))))
                    .orElse(WebhookOutcome.UNKNOWN_CONNECTION);
            case WebhookEvent.Ignored ignored -> WebhookOutcome.IGNORED;
        };
    }

    private WebhookOutcome connectionSynced(WebhookEvent.ConnectionSynced synced) {
        var found = connections.byProviderId(provider.name(), synced.connection().id());
        if (found.isEmpty()) {
            return WebhookOutcome.UNKNOWN_CONNECTION;
        }
        ConnectionSnapshot connection = found.get();
        if (synced.connection().health() == ConnectionHealth.NEEDS_USER_ACTION) {
            connections.providerReported(connection.id(), ConnectionState.NEEDS_USER_ACTION,
                    synced.connection().state(), clock.instant());
            return WebhookOutcome.NEEDS_USER_ACTION;
        }
        return claimed(connection, () -> write(connection, synced));
    }

    /**
     * Runs a write while holding the connection's claim, so that it never races a sync of the same connection. A
     * running sync is waited for, with growing pauses; after that the webhook is left to the next sync, which reads
     * everything after its cursor anyway.
     */
    private WebhookOutcome claimed(ConnectionSnapshot connection, Runnable write) {
        for (int attempt = 1;; attempt++) {
            var claim = connections.claimForWebhook(connection.id(), instance, clock.instant(),
                    settings.lease());
            if (claim.isPresent()) {
                try {
                    write.run();
                    connections.succeeded(claim.get(), clock.instant(), null, null);
                    return WebhookOutcome.APPLIED;
                } catch (RuntimeException e) {
                    connections.failed(claim.get(), clock.instant(), "webhook_apply_failed");
                    throw e;
                }
            }
            if (!ClaimWait.before(attempt)) {
                return WebhookOutcome.DEFERRED_TO_SYNC;
            }
        }
    }

    private void write(ConnectionSnapshot connection, WebhookEvent.ConnectionSynced synced) {
        Map<String, Long> ids = ledger.writeAccounts(connection.id(), connection.userId(), synced.accounts());
        // a sync's write without its cursor: the next sync still reads everything after its own
        var pull = new TransactionPull(ledger, connection.userId(), AccountRef.byProviderId(synced.accounts(), ids),
                null, provider.pendingRows());
        pull.accept(synced.transactions());
        pull.flush();
        if (!pull.complete()) {
            // the other accounts are written; the claim ends in failure, as a sync's would
            throw new IllegalStateException("Writing a webhook's transactions of connection " + connection.id()
                    + " failed");
        }
        WriteCounts counts = pull.counts();
        log.info("Applied webhook for connection {}: +{} ~{} -{} transactions", connection.id(), counts.added(),
                counts.updated(), counts.removed());
    }
}
