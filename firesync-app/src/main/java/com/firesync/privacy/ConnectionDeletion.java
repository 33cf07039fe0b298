package com.firesync.privacy;

import com.firesync.connection.ConnectionLifecycle;
import com.firesync.connection.ProviderIdentities;
import com.firesync.events.EventLog;
import com.firesync.ledger.LedgerWriter;
import com.firesync.ledger.Transfers;
import com.firesync.provider.BankingProviders;
import com.firesync.shared.ApiException;
import com.firesync.shared.DbTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes a connection: first at the provider (which stops billing it), then everything FireSync holds about it, or,
 * with its history kept, everything but its accounts and transactions, which stay archived. The request marks the
 * connection and queues the rest, so from then on no route, job or webhook sees it; the job retries the provider
 * until it is done (a connection the provider no longer knows counts as done).
 */
@Service
public class ConnectionDeletion {

    private static final Logger log = LoggerFactory.getLogger(ConnectionDeletion.class);

    private final JdbcClient jdbc;

    private final DeletionQueue queue;

    private final ProviderIdentities identities;

    private final BankingProviders providers;

    private final Remnants remnants;

    private final TransactionTemplate transactions;

    private final ConnectionLifecycle lifecycle;

    private final Clock clock;

    private final LedgerWriter ledger;

    private final EventLog eventLog;

    private final Transfers transfers;

    ConnectionDeletion(JdbcClient jdbc, DeletionQueue queue, ProviderIdentities identities, BankingProviders providers,
            Remnants remnants, TransactionTemplate transactions, ConnectionLifecycle lifecycle, Clock clock,
            LedgerWriter ledger, EventLog eventLog, Transfers transfers) {
        this.ledger = ledger;
        this.transfers = transfers;
        this.eventLog = eventLog;
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
        this.queue = queue;
        this.identities = identities;
        this.providers = providers;
        this.remnants = remnants;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Starts deleting one of the user's connections.
     *
     * @param keepHistory keep its accounts and transactions, archived
     * @throws ApiException 404 when the user has no such connection (or it is already being deleted)
     */
    @Transactional
    public DeletionStarted request(long userId, long connectionId, boolean keepHistory) {
        Instant now = clock.instant();
        int marked = jdbc.sql("""
                UPDATE connections SET deleting_since = :now, archived_at = :archived, updated_at = :now
                WHERE id = :id AND user_id = :user AND deleting_since IS NULL AND archived_at IS NULL""")
                .param("now", DbTime.param(now))
                .param("archived", DbTime.param(keepHistory ? now : null))
                .param("id", connectionId)
                .param("user", userId)
                .update();
        if (marked == 0) {
            throw ApiException.notFound("connection");
        }
        // its rows leave the listing now: a change-feed client must read its copy again
        ledger.expireChangeCursors(userId);
        queue.deleteConnection(connectionId);
        return DeletionStarted.of(connectionId, keepHistory);
    }

    /**
     * Finishes a deletion: the provider's, then FireSync's. Run by the deletion job; a failure is retried later.
     *
     * @throws ConnectionBusyException while a sync that started before the deletion still holds the connection
     */
    public void complete(long connectionId) {
        Optional<Target> found = target(connectionId);
        if (found.isEmpty()) {
            return;
        }
        Target target = found.get();
        if (target.claimedUntil() != null && target.claimedUntil().isAfter(clock.instant())) {
            throw new ConnectionBusyException(connectionId);
        }
        identities.accessOfConnection(connectionId).ifPresent(access -> providers.get(access.provider())
                .deleteConnection(access.token(), target.providerId()));
        transactions.executeWithoutResult(status -> {
            // first, as the analytics worker's marking of transfers does: the rows it marks go with the connection
            transfers.hold(target.userId());
            List<Long> webhooks = remnants.deleteWebhooks(Set.of(target.providerId()), null);
            remnants.deleteEvents(List.of(connectionId), webhooks, null);
            // archived rows come back to the listing, others are gone for good: either way a feed client rereads
            ledger.expireChangeCursors(target.userId());
            eventLog.forgetConnection(target.userId(), connectionId);
            if (target.archived()) {
                archive(connectionId);
            } else {
                jdbc.sql("DELETE FROM connections WHERE id = :id").param("id", connectionId).update();
            }
        });
        queue.forgetConnection(connectionId);
        log.info("Connection {} deleted at the provider and in FireSync{}", connectionId, target.archived()
                ? ", its accounts and transactions kept archived"
                : "");
    }

    /**
     * Keeps the accounts, balances and transactions; drops the sync history, state changes and connect attempts, and
     * leaves the connection at rest, never to be synced.
     */
    private void archive(long connectionId) {
        for (String table : List.of("sync_runs", "connection_transitions", "connect_states")) {
            jdbc.sql("DELETE FROM " + table + " WHERE connection_id = :id").param("id", connectionId).update();
        }
        Instant now = clock.instant();
        // at rest for good, through the connection's state machine; the deletion marks are this module's
        lifecycle.archived(connectionId, now);
        jdbc.sql("""
                UPDATE connections SET deleting_since = NULL, next_sync_at = NULL, sync_cursor = NULL, updated_at = :now
                WHERE id = :id""")
                .param("now", DbTime.param(now))
                .param("id", connectionId)
                .update();
    }

    private Optional<Target> target(long connectionId) {
        return jdbc.sql("""
                SELECT user_id, provider_connection_id, archived_at, sync_claimed_until FROM connections
                WHERE id = :id AND deleting_since IS NOT NULL""")
                .param("id", connectionId)
                .query((rs, row) -> new Target(rs.getLong("user_id"), rs.getString("provider_connection_id"),
                        rs.getObject("archived_at") != null, DbTime.read(rs, "sync_claimed_until")))
                .optional();
    }

    private record Target(long userId, String providerId, boolean archived, @Nullable Instant claimedUntil) {
    }
}
