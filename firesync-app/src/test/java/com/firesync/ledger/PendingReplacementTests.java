package com.firesync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.provider.PendingRows;
import com.firesync.provider.ProviderAccount;
import com.firesync.provider.ProviderTransaction;
import com.firesync.shared.MetricNames;
import com.firesync.shared.Role;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.LedgerRows;
import com.firesync.testing.MutableClock;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.user.UserAccounts;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The write path's matching of rows arriving under a new key to the pending rows they replace, on a real database:
 * the row keeps its FireSync id and the change feed shows an update.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
class PendingReplacementTests {

    private static final PendingRows REPLACED = PendingRows.replacedWithin(Period.ofDays(7));

    private static final LocalDate MADE = LocalDate.of(2026, 6, 12);

    @Autowired
    LedgerWriter writer;

    @Autowired
    ChangeFeed feed;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MutableClock clock;

    long userId;

    long account;

    @BeforeEach
    void seed() {
        clock.set(TestClockConfiguration.START);
        userId = users.create("alice", Role.USER).id();
        long connection = new LedgerRows(jdbc).connection(userId, "Demo Bank", "enablebanking");
        account = writer.writeAccounts(connection, userId, List.of(new ProviderAccount("1", "c1", "Checking", null,
                "checking", null, "FR76 0000", "EUR", BigDecimal.ZERO, null, null, null, null, null))).get("1");
    }

    @Test
    void aBookedRowUnderANewKeyTakesOverItsPendingRowAsAnUpdate() {
        writer.writeTransactions(account, userId, "EUR", List.of(pending("p:1", "-12.40", "PRE-AUTH BAKERY"),
                pending("p:2", "-30.00", "CB SHOP")), REPLACED);
        long id = idOf("p:1");
        var cursor = feed.changes(userId, ChangeCursor.START, 100).orElseThrow().next();

        WriteCounts counts = writer.writeTransactions(account, userId, "EUR", List.of(booked("E1", "-13.10",
                "CB BAKERY 12/06"), pending("p:2", "-30.00", "CB SHOP")), REPLACED);

        assertThat(counts).isEqualTo(new WriteCounts(0, 1, 0));
        assertThat(idOf("E1")).isEqualTo(id);
        assertThat(live()).isEqualTo(2);
        var row = jdbc.sql("SELECT pending, amount, booked_date FROM transactions WHERE id = :id").param("id", id)
                .query().singleRow();
        assertThat(row.get("pending")).isEqualTo(false);
        assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("-13.10");
        var changes = feed.changes(userId, cursor, 100).orElseThrow();
        assertThat(changes.added()).isEmpty();
        assertThat(changes.removed()).isEmpty();
        assertThat(changes.modified()).singleElement().satisfies(view -> {
            assertThat(view.id()).isEqualTo(id);
            assertThat(view.pending()).isFalse();
            assertThat(view.amount()).isEqualByComparingTo("-13.10");
        });
    }

    @Test
    void revivesAPendingRowTheReconciliationRemovedWhenItsBookedSelfComesWithinTheWindow() {
        writer.writeTransactions(account, userId, "EUR", List.of(pending("p:1", "-12.40", "CB BAKERY")), REPLACED);
        long id = idOf("p:1");
        assertThat(writer.removeMissing(account, userId, MADE.minusDays(30), Set.of())).isEqualTo(1);
        clock.advance(Duration.ofDays(2));

        WriteCounts counts = writer.writeTransactions(account, userId, "EUR", List.of(booked("E1", "-12.40",
                "CB BAKERY")), REPLACED);

        assertThat(counts).isEqualTo(new WriteCounts(0, 1, 0));
        assertThat(idOf("E1")).isEqualTo(id);
        assertThat(live()).isEqualTo(1);
    }

    @Test
    void aPendingRowRemovedLongerThanTheWindowAgoStaysRemoved() {
        writer.writeTransactions(account, userId, "EUR", List.of(pending("p:1", "-12.40", "CB BAKERY")), REPLACED);
        writer.removeMissing(account, userId, MADE.minusDays(30), Set.of());
        clock.advance(Duration.ofDays(8));

        WriteCounts counts = writer.writeTransactions(account, userId, "EUR", List.of(booked("E1", "-12.40",
                "CB BAKERY")), REPLACED);

        assertThat(counts).isEqualTo(new WriteCounts(1, 0, 0));
        assertThat(idOf("E1")).isNotEqualTo(idOf("p:1"));
    }

    @Test
    void keepsBothRowsAndCountsWhenTwoIdenticalPendingRowsFitOneBookedRow() {
        double before = ambiguous();
        writer.writeTransactions(account, userId, "EUR", List.of(pending("p:1", "-4.20", "CB BAKERY"),
                pending("p:1#2", "-4.20", "CB BAKERY")), REPLACED);

        WriteCounts counts = writer.writeTransactions(account, userId, "EUR", List.of(booked("E1", "-4.20",
                "CB BAKERY")), REPLACED);

        assertThat(counts).isEqualTo(new WriteCounts(1, 0, 0));
        assertThat(ambiguous()).isEqualTo(before + 1);
        assertThat(live()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM transactions WHERE pending").query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void aPendingRowStillListedIsNoCandidate() {
        double before = ambiguous();
        writer.writeTransactions(account, userId, "EUR", List.of(pending("p:1", "-4.20", "CB BAKERY"),
                pending("p:1#2", "-4.20", "CB BAKERY")), REPLACED);
        long first = idOf("p:1");

        WriteCounts counts = writer.writeTransactions(account, userId, "EUR", List.of(booked("E1", "-4.20",
                "CB BAKERY"), pending("p:1#2", "-4.20", "CB BAKERY")), REPLACED);

        assertThat(counts).isEqualTo(new WriteCounts(0, 1, 0));
        assertThat(idOf("E1")).isEqualTo(first);
        assertThat(ambiguous()).isEqualTo(before);
        assertThat(live()).isEqualTo(2);
    }

    @Test
    void aProviderWithStableIdsNeverMatches() {
        writer.writeTransactions(account, userId, "EUR", List.of(pending("p:1", "-12.40", "CB BAKERY")));

        WriteCounts counts = writer.writeTransactions(account, userId, "EUR", List.of(booked("E1", "-12.40",
                "CB BAKERY")));

        assertThat(counts).isEqualTo(new WriteCounts(1, 0, 0));
        assertThat(live()).isEqualTo(2);
    }

    private double ambiguous() {
        return meters.counter(MetricNames.LEDGER_PENDING_AMBIGUOUS).count();
    }

    private long idOf(String key) {
        return jdbc.sql("SELECT id FROM transactions WHERE provider_transaction_id = :key").param("key", key)
                .query(Long.class).single();
    }

    private long live() {
        return jdbc.sql("SELECT COUNT(*) FROM transactions WHERE deleted_at IS NULL").query(Long.class).single();
    }

    private static ProviderTransaction pending(String key, String amount, String text) {
        return new ProviderTransaction(key, "1", MADE, null, MADE, null, new BigDecimal(amount), "EUR", text, text,
                "Bakery", null, true, null, null, null, null, null);
    }

    private static ProviderTransaction booked(String key, String amount, String text) {
        return new ProviderTransaction(key, "1", MADE.plusDays(2), null, MADE, null, new BigDecimal(amount), "EUR",
                text, text, "Bakery", null, false, null, null, null, null, null);
    }
}
