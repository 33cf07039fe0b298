package com.firesync.sync;

import com.firesync.connection.ClaimantRegistry;
import com.firesync.connection.ConnectionLifecycle;
import com.firesync.connection.ConnectionSnapshot;
import com.firesync.connection.SyncClaim;
import com.firesync.ledger.LedgerWriter;
import com.firesync.ledger.WriteCounts;
import com.firesync.provider.BankingProvider;
import com.firesync.provider.BankingProviders;
import com.firesync.provider.ConnectionAccounts;
import com.firesync.provider.ConnectionHealth;
import com.firesync.provider.PresentUser;
import com.firesync.provider.ProviderAccount;
import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderFailure;
import com.firesync.provider.TransactionPage;
import com.firesync.provider.TransactionQuery;
import com.firesync.provider.resilience.ConnectionCircuits;
import com.firesync.sync.TransactionPull.AccountRef;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Syncs connections: asks the policy, claims the connection (one sync at a time, across instances), pulls accounts
 * and the transactions changed since the cursor (a backfill the first time, the trailing window on reconciliation
 * days), and ends the claim in the state the outcome calls for. The cursor moves only past committed data.
 */
@Service
public class SyncEngine {

    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);

    private final String instance;

    private final ConnectionLifecycle connections;

    private final BankingProviders providers;

    private final LedgerWriter ledger;

    private final SyncRuns runs;

    private final SyncPolicy policy;

    private final QuotaPlanner quotas;

    private final SyncSettings settings;

    private final ConnectionCircuits circuits;

    private final ApplicationEventPublisher events;

    private final TransactionTemplate transactions;

    private final Clock clock;

    SyncEngine(ConnectionLifecycle connections, BankingProviders providers, LedgerWriter ledger, SyncRuns runs,
            SyncPolicy policy, QuotaPlanner quotas, SyncSettings settings, ConnectionCircuits circuits,
            ApplicationEventPublisher events, ClaimantRegistry claimant, TransactionTemplate transactions,
            Clock clock) {
        this.instance = claimant.id();
        this.events = events;
        this.transactions = transactions;
        this.circuits = circuits;
        this.connections = connections;
        this.providers = providers;
        this.ledger = ledger;
        this.runs = runs;
        this.policy = policy;
        this.quotas = quotas;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Syncs one connection if the policy allows it.
     *
     * @param force the user asked for fresh data: the freshness rule is waived and the provider is asked to refresh
     *        from the bank first (never in bulk: the provider's fair-usage policy)
     */
    public SyncOutcome sync(ConnectionSnapshot connection, SyncTrigger trigger, boolean force) {
        return sync(connection, trigger, force, null);
    }

    /**
     * Syncs one connection if the policy allows it, for a user who is present when {@code present} is given: a
     * provider limiting unattended reads is told so (only ever for a manual trigger), and its sync is not held to the
     * unattended quota.
     */
    public SyncOutcome sync(ConnectionSnapshot connection, SyncTrigger trigger, boolean force,
            @Nullable PresentUser present) {
        Instant now = clock.instant();
        Instant circuitOpenUntil = circuits.openUntil(connection.id()).orElse(null);
        PresentUser attended = trigger == SyncTrigger.MANUAL ? present : null;
        var quota = attended == null ? quotas.quota(connection, now).orElse(null) : null;
        SyncDecision decision = policy.decide(connection, now, trigger, force, circuitOpenUntil, quota);
        if (!decision.sync()) {
            return SyncOutcome.skipped(connection.id(), decision);
        }
        if (!trigger.userLinked() && !circuits.allows(connection.id())) {
            // another caller took the single probe the half-open circuit lets through
            return SyncOutcome.skipped(connection.id(), SyncDecision.skip(SyncDecision.Reason.CIRCUIT_OPEN,
                    circuits.openUntil(connection.id()).orElse(null)));
        }
        Instant started = clock.instant();
        // the claim and the run's record in one transaction: a process that dies leaves both or neither
        Optional<Claimed> claimed = Objects.requireNonNull(transactions.execute(
                tx -> connections.claim(connection, instance, now, settings.lease()).map(claim -> {
                    long id = runs.start(claim.connectionId(), claim.userId(), trigger.code(), instance);
                    events.publishEvent(new SyncStarted(claim.connectionId(), claim.userId(), id, trigger));
                    return new Claimed(claim, id);
                })));
        if (claimed.isEmpty()) {
            return SyncOutcome.skipped(connection.id(),
                    SyncDecision.skip(SyncDecision.Reason.IN_PROGRESS, null));
        }
        return run(claimed.get().claim(), claimed.get().run(), started, trigger,
                force && trigger == SyncTrigger.MANUAL, attended);
    }

    /** A connection claimed for a sync, and the sync's run. */
    private record Claimed(SyncClaim claim, long run) {
    }

    private SyncOutcome run(SyncClaim claim, long run, Instant started, SyncTrigger trigger, boolean refresh,
            @Nullable PresentUser present) {
        try {
            BankingProvider provider = providers.get(claim.provider());
            if (present != null) {
                provider = provider.attendedBy(present);
            }
            if (refresh) {
                provider.refreshConnection(claim.token(), claim.providerConnectionId());
            }
            Pulled pulled = pull(provider, claim, started);
            if (!pulled.complete()) {
                return failedHere(claim, trigger, run, started, "account_write_failed", pulled);
            }
            // the provider answered: its circuit knows it before the run's end is seen
            circuits.recordSuccess(claim.connectionId());
            SyncOutcome synced = outcome(claim, trigger, RunOutcome.SYNCED, null, run, started, pulled.accounts(),
                    pulled.counts(),
                    () -> connections.succeeded(claim, clock.instant(), pulled.cursor(), pulled.reconciledAt()));
            log.info("Synced connection {} (run {}, {}): {} accounts, +{} ~{} -{} transactions", claim.connectionId(),
                    run, trigger.code(), pulled.accounts(), pulled.counts().added(), pulled.counts().updated(),
                    pulled.counts().removed());
            return synced;
        } catch (ProviderException e) {
            ProviderFailure failure = e.failure();
            circuits.recordFailure(claim.connectionId(), failure);
            return fail(claim, trigger, run, started, failure.code(), null,
                    () -> connections.failed(claim, clock.instant(), failure));
        } catch (RuntimeException e) {
            log.error("Sync of connection {} (run {}) failed unexpectedly", claim.connectionId(), run, e);
            return failedHere(claim, trigger, run, started, "internal_error", null);
        }
    }

    private Pulled pull(BankingProvider provider, SyncClaim claim, Instant now) {
        ConnectionAccounts read = provider.connectionWithAccounts(claim.token(), claim.providerConnectionId());
        connections.consentExpires(claim, read.connection().consentExpiresAt());
        if (read.connection().health() == ConnectionHealth.NEEDS_USER_ACTION) {
            // the bank's data may still read, but it is frozen until the user acts: say so rather than sync stale data
            throw new ProviderException("sync", new ProviderFailure.NeedsUserAction(
                    Objects.requireNonNullElse(read.connection().state(), "actionNeeded")));
        }
        List<ProviderAccount> accounts = read.accounts();
        Map<String, Long> ids = ledger.writeAccounts(claim.connectionId(), claim.userId(), accounts);
        Map<String, AccountRef> refs = AccountRef.byProviderId(accounts, ids);
        // "today" and every window are days of the provider's calendar, on the booking date
        LocalDate today = LocalDate.ofInstant(now, provider.zone());
        LocalDate historyFrom = LocalDate.ofInstant(claim.createdAt(), provider.zone()).minus(settings.backfill());
        boolean backfill = claim.cursor() == null;
        // a provider counting each listing against a daily budget (and none of its pages) has no change feed: one
        // listing per sync, of the whole synced history, reconciled each time, sees every edit of a row of any age
        boolean budgeted = provider.unattendedBudget().isPresent();
        boolean reconcile = !backfill && (budgeted || claim.lastReconciledAt() == null
                || !now.isBefore(claim.lastReconciledAt().plus(settings.reconcileEvery())));
        LocalDate reconcileFrom = !reconcile
                ? null
                : budgeted ? historyFrom : latest(today.minus(settings.reconcileWindow()), historyFrom);
        var pull = new TransactionPull(ledger, claim.userId(), refs, reconcileFrom, provider.pendingRows());
        if (!refs.isEmpty()) {
            // a bank listing less than asked says so: nothing is removed before what it listed; a long pull renews
            // its claim once half the lease has passed since it was last set, not at every page
            var renewAfter = new AtomicReference<>(now.plus(settings.lease().dividedBy(2)));
            Consumer<TransactionPage> pages = page -> {
                pull.accept(page);
                Instant at = clock.instant();
                if (!at.isBefore(renewAfter.get())) {
                    connections.renew(claim, at.plus(settings.lease()));
                    renewAfter.set(at.plus(settings.lease().dividedBy(2)));
                }
            };
            // the changes since the cursor, over the whole synced history whatever the day: a change to an old row
            // is reported now and never again
            Instant cursor = claim.cursor();
            TransactionQuery changes = cursor == null
                    ? TransactionQuery.since(historyFrom)
                    : TransactionQuery.changedAfter(cursor.minus(settings.overlap())).withMinDate(historyFrom);
            if (!budgeted || backfill) {
                provider.transactions(claim.token(), changes.forConnection(claim.providerConnectionId()), pages);
            }
            if (reconcileFrom != null) {
                // the window is re-read in full, whatever changed when
                provider.transactions(claim.token(),
                        TransactionQuery.since(reconcileFrom).forConnection(claim.providerConnectionId()), pages);
            }
            pull.flush();
            pull.removeMissing();
            // how much of the synced history the bank showed: one capping it leaves older rows unread
            connections.bankHistoryFrom(claim, pull.listedFrom());
        }
        Instant cursor = pull.newest() == null ? claim.cursor() : pull.newest();
        return new Pulled(accounts.size(), pull.counts(), backfill && cursor == null ? now : cursor,
                backfill || reconcile ? now : null, pull.complete());
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * Ends a run that failed in FireSync itself rather than at the provider.
     */
    private SyncOutcome failedHere(SyncClaim claim, SyncTrigger trigger, long run, Instant started, String code,
            @Nullable Pulled partial) {
        return fail(claim, trigger, run, started, code, partial,
                () -> connections.failed(claim, clock.instant(), code));
    }

    /**
     * Records a run that failed, in the transaction that leaves the connection where the failure leaves it.
     */
    private SyncOutcome fail(SyncClaim claim, SyncTrigger trigger, long run, Instant started, String code,
            @Nullable Pulled partial, Runnable endClaim) {
        WriteCounts counts = partial == null ? WriteCounts.NONE : partial.counts();
        int accounts = partial == null ? 0 : partial.accounts();
        log.warn("Sync of connection {} (run {}) failed: {}", claim.connectionId(), run, code);
        return outcome(claim, trigger, RunOutcome.FAILED, code, run, started, accounts, counts, endClaim);
    }

    /**
     * Ends the claim and records the run's outcome in one transaction: a process that dies at any moment leaves
     * either both (the connection synced and its run finished) or neither (the connection still claimed, synced again
     * once the claim expires), never a connection marked synced by a run that never ends.
     */
    private SyncOutcome outcome(SyncClaim claim, SyncTrigger trigger, RunOutcome decision, @Nullable String errorCode,
            long run, Instant started, int accounts, WriteCounts counts, Runnable endClaim) {
        var duration = java.time.Duration.between(started, clock.instant());
        transactions.executeWithoutResult(tx -> {
            endClaim.run();
            runs.finish(run, decision, errorCode, accounts, counts);
            events.publishEvent(new SyncCompleted(claim.connectionId(), claim.userId(), run, trigger, decision,
                    errorCode, accounts, counts.added(), counts.updated(), counts.removed(), duration,
                    claim.provider()));
            if (errorCode != null) {
                events.publishEvent(new SyncFailed(claim.connectionId(), claim.userId(), run, trigger, errorCode));
            }
        });
        return new SyncOutcome(claim.connectionId(), SyncOutcome.Decision.of(decision),
                errorCode == null ? "ok" : errorCode, null, run,
                accounts, counts.added(), counts.updated(), counts.removed(), duration.toMillis());
    }

    /**
     * What a pull committed.
     */
    private record Pulled(int accounts, WriteCounts counts, @Nullable Instant cursor, @Nullable Instant reconciledAt,
            boolean complete) {
    }
}
