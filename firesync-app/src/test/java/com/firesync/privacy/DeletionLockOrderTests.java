package com.firesync.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firesync.ledger.Transfers;
import com.firesync.shared.Role;
import com.firesync.testing.Background;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.TestDatabase;
import com.firesync.testing.WebviewDriver;
import com.firesync.user.UserAccounts;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A connection's deletion while the analytics worker marks the user's transfers, in the worker's order: the user's
 * transfer lock, rows of the connection (a mark's foreign keys lock the rows it pairs), and last the user's change
 * head. The deletion used to take the change head first and then wait for those rows, while the worker waited for
 * the head: a deadlock that cost one of the two its work. It now waits for the worker's transfer lock first, and both
 * complete.
 */
@FireSyncTest
class DeletionLockOrderTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConnectionDeletion deletions;

    @Autowired
    Transfers transfers;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aDeletionWaitsForTheTransferMarkingInsteadOfDeadlockingWithIt() throws Exception {
        var alice = users.create("alice", Role.USER);
        long connectionId = new WebviewDriver(Http.local(port)).linkDemo(alice.token(), "alice");
        Background.awaitSynced(jdbc, connectionId);
        Background.awaitQuiet(jdbc);
        long row = jdbc.sql("""
                SELECT MIN(t.id) FROM transactions t JOIN accounts a ON a.id = t.account_id
                WHERE a.connection_id = :c""").param("c", connectionId).query(Long.class).single();
        // as the deletion's request marks it
        jdbc.sql("UPDATE connections SET deleting_since = CURRENT_TIMESTAMP WHERE id = :c").param("c", connectionId)
                .update();

        var deletion = new CompletableFuture<Void>();
        transactions.executeWithoutResult(status -> {
            transfers.hold(alice.id());
            jdbc.sql("SELECT id FROM transactions WHERE id = :id FOR UPDATE").param("id", row).query(Long.class)
                    .list();
            Thread.ofPlatform().start(() -> {
                try {
                    deletions.complete(connectionId);
                    deletion.complete(null);
                } catch (RuntimeException e) {
                    deletion.completeExceptionally(e);
                }
            });
            // the deletion now waits on one of this transaction's locks (read on Awaitility's thread, outside it)
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnALock() > 0 || deletion.isDone());
            jdbc.sql("UPDATE transaction_change_heads SET version = version WHERE user_id = :user")
                    .param("user", alice.id()).update();
        });

        deletion.get(60, TimeUnit.SECONDS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM connections WHERE id = :c").param("c", connectionId)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM transactions WHERE id = :id").param("id", row).query(Long.class)
                .single()).isZero();
    }

    private long waitingOnALock() {
        String sql = TestDatabase.isPostgres()
                ? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND datname = current_database()"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
        return jdbc.sql(sql).query(Long.class).single();
    }
}
