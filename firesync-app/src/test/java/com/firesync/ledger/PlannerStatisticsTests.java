package com.firesync.ledger;

import static com.firesync.ledger.LedgerWriterTests.account;
import static com.firesync.ledger.LedgerWriterTests.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.provider.ProviderTransaction;
import com.firesync.shared.Role;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.LedgerRows;
import com.firesync.user.UserAccounts;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bulk write leaves PostgreSQL's planner seeing the rows it added, without autovacuum (off on the machines the
 * tests run on): until then it plans the ledger's queries for a nearly empty table. PostgreSQL only: H2 keeps its own
 * statistics as rows are written.
 */
@FireSyncTest
@Tag("postgresql-only")
class PlannerStatisticsTests {

    @Autowired
    LedgerWriter writer;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBackfillBatchHasTheLedgerAnalyzed() {
        long userId = users.create("alice", Role.USER).id();
        long connectionId = new LedgerRows(jdbc).connection(userId, "Demo Bank");
        long account = writer.writeAccounts(connectionId, userId, List.of(account("1", "0"))).get("1");
        OffsetDateTime before = jdbc.sql("SELECT now()").query(OffsetDateTime.class).single();
        List<ProviderTransaction> batch = new ArrayList<>();
        for (int i = 0; i < PlannerStatistics.BULK_ROWS + 500; i++) {
            batch.add(transaction("t" + i, "-" + i + ".25", false, null));
        }

        writer.writeTransactions(account, userId, "EUR", batch);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            OffsetDateTime analyzed = jdbc.sql("SELECT last_analyze FROM pg_stat_user_tables"
                    + " WHERE schemaname = current_schema() AND relname = 'transactions'")
                    .query(OffsetDateTime.class)
                    .optional()
                    .orElse(null);
            return analyzed != null && analyzed.isAfter(before);
        });
        assertThat(jdbc.sql("SELECT reltuples FROM pg_class WHERE oid = CAST('transactions' AS regclass)")
                .query(Double.class).single()).isGreaterThanOrEqualTo(PlannerStatistics.BULK_ROWS + 500);
    }
}
