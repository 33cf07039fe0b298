package com.firesync.sync;

import com.firesync.connection.SyncTargets;
import com.firesync.connection.SyncTargets.SyncTarget;
import com.firesync.ledger.LedgerWriter;
import com.firesync.provider.BankingProvider;
import com.firesync.provider.ProviderAccount;
import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderFailure;
import com.firesync.provider.ProviderTransaction;
import com.firesync.provider.TransactionQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Syncs one connection: its accounts, then each enabled account's transactions page by page, each page committed on
 * its own. The cursor moves only once everything was committed. A first sync reads the backfill window.
 */
@Service
public class ConnectionSync {

    private static final Logger log = LoggerFactory.getLogger(ConnectionSync.class);

    private final SyncTargets targets;

    private final BankingProvider provider;

    private final LedgerWriter ledger;

    private final SyncRuns runs;

    private final SyncSettings settings;

    private final Clock clock;

    ConnectionSync(SyncTargets targets, BankingProvider provider, LedgerWriter ledger, SyncRuns runs,
            SyncSettings settings, Clock clock) {
        this.targets = targets;
        this.provider = provider;
        this.ledger = ledger;
        this.runs = runs;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Runs one sync of a connection and records it.
     *
     * @param trigger why it runs ({@code connect}, {@code manual}, ...)
     * @return whether it completed
     */
    public boolean sync(long connectionId, String trigger) {
        SyncTarget target = targets.target(connectionId);
        long run = runs.start(connectionId, target.userId(), trigger);
        try {
            Result result = pull(target);
            targets.recordSuccess(connectionId, clock.instant(), result.cursor());
            runs.finish(run, "synced", result.accounts(), result.transactions(), null);
            log.info("Synced connection {} (run {}): {} accounts, {} transactions written", connectionId, run,
                    result.accounts(), result.transactions());
            return true;
        } catch (ProviderException e) {
            ProviderFailure failure = e.failure();
            targets.recordFailure(connectionId, clock.instant(), failure.code(),
                    failure instanceof ProviderFailure.NeedsUserAction);
            runs.finish(run, "failed", 0, 0, failure.code());
            log.warn("Sync of connection {} (run {}) failed: {}", connectionId, run, failure.code());
            return false;
        }
    }

    private Result pull(SyncTarget target) {
        List<ProviderAccount> accounts = provider.accounts(target.token())
                .stream()
                .filter(account -> account.connectionId().equals(target.providerConnectionId()))
                .toList();
        Map<String, Long> ids = ledger.writeAccounts(target.connectionId(), target.userId(), accounts);
        LocalDate since = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minus(settings.backfill());
        var cursor = new CursorTracker(target.cursor());
        int written = 0;
        for (ProviderAccount account : accounts) {
            if (account.disabled() != null || account.deleted() != null) {
                continue;
            }
            long accountId = ids.get(account.id());
            String currency = account.currency() == null ? "XXX" : account.currency();
            int[] count = {0};
            provider.transactions(target.token(), TransactionQuery.since(since).forAccount(account.id()), page -> {
                count[0] += ledger.writeTransactions(accountId, target.userId(), currency, page.transactions());
                page.transactions().forEach(cursor::see);
            });
            written += count[0];
        }
        return new Result(accounts.size(), written, cursor.newest);
    }

    private record Result(int accounts, int transactions, @Nullable LocalDateTime cursor) {
    }

    /**
     * The newest provider change seen among committed pages.
     */
    private static final class CursorTracker {

        private @Nullable LocalDateTime newest;

        CursorTracker(@Nullable LocalDateTime start) {
            this.newest = start;
        }

        void see(ProviderTransaction transaction) {
            LocalDateTime update = transaction.providerLastUpdate();
            if (update != null && (newest == null || update.isAfter(newest))) {
                newest = update;
            }
        }
    }
}
