package com.firesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.sandbox.webhook.BackgroundRefresh;
import com.firesync.sandbox.world.Clocks;
import com.firesync.sandbox.world.LedgerTransaction;
import com.firesync.sandbox.world.RowEdit;
import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.shared.DbTime;
import com.firesync.shared.Role;
import com.firesync.testing.Background;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.LedgerComparison;
import com.firesync.testing.MutableClock;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.testing.WebviewDriver;
import com.firesync.user.NewUser;
import com.firesync.user.UserAccounts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The ledger follows Powens' documented date semantics, not only the sandbox's defaults: card payments book days after
 * they are made ({@code rdate}/{@code application_date} before {@code date}), users re-date and relabel rows of any
 * age, the bank corrects or withdraws old rows, and the reconciliation runs on every sync. After every sync, with no
 * later sync to mend it, each ledger equals the bank's.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = {"firesync.sandbox.history=P45D", "firesync.sandbox.refresh-interval=0s",
        "firesync.sync.reconcile-every=1s", "firesync.sync.reconcile-window=P30D", "firesync.sync.fresh-for=1m",
        "firesync.sync.min-interval=1m"})
class LedgerFidelityTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    SandboxWorld world;

    @Autowired
    BackgroundRefresh bankRefresh;

    @Test
    void everyReconciledSyncLeavesTheLedgerEqualToTheBanks() {
        var http = Http.local(port);
        List<NewUser> users = List.of(link(http, "demo", "demo"), link(http, "test", "edits:6"),
                link(http, "test", "churn"));
        Background.awaitQuiet(jdbc);
        assertEveryLedgerEqualsTheBanks("after the first sync");

        for (int step = 0; step < 16; step++) {
            clock.advance(Duration.ofHours(9));
            if (step % 3 == 0) {
                // the bank's own refresh, whose webhooks FireSync applies between its syncs
                long handled = handledWebhooks() + bankRefresh.refreshDue();
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> handledWebhooks() >= handled);
                Background.awaitQuiet(jdbc);
                clock.advance(Duration.ofMinutes(5)); // past the freshness the webhook gave
            }
            for (NewUser user : users) {
                JsonNode outcomes = http.postJson("/api/sync/intelligent/all", user.token(), "").json().get("data");
                assertThat(outcomes.get(0).get("decision").asString()).as(user.name() + ": " + outcomes)
                        .isEqualTo("synced");
            }
            Background.awaitQuiet(jdbc);
            assertEveryLedgerEqualsTheBanks("step " + step);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM transactions WHERE booked_date > operation_date")
                .query(Long.class).single()).as("rows booked after they were made").isPositive();
    }

    @Test
    void aReconcilingSyncAppliesChangesToRowsOlderThanItsWindow() {
        var http = Http.local(port);
        NewUser user = link(http, "test", "edits:40");
        Background.awaitQuiet(jdbc);
        long connection = providerConnectionIds().keySet().iterator().next();
        long providerConnection = providerConnectionIds().get(connection);
        Instant before = clock.instant();

        clock.advance(Duration.ofDays(1));
        LocalDate windowStart = Clocks.parisDate(clock.instant()).minusDays(30);
        Map<Long, LedgerTransaction> bank = world.expectedLedger(providerConnection, clock.instant()).transactions()
                .stream().collect(Collectors.toMap(LedgerTransaction::id, Function.identity()));
        List<RowEdit> oldRowEdits = new ArrayList<>();
        Set<RowEdit.Kind> kinds = EnumSet.noneOf(RowEdit.Kind.class);
        for (RowEdit edit : world.edits(providerConnection, clock.instant())) {
            LedgerTransaction row = bank.get(edit.rowId());
            if (edit.at().isAfter(before) && row != null && row.date().isBefore(windowStart)) {
                oldRowEdits.add(edit);
                kinds.add(edit.kind());
            }
        }
        assertThat(kinds).as("edits of rows booked before the window").contains(RowEdit.Kind.DELETE,
                RowEdit.Kind.RELABEL, RowEdit.Kind.AMOUNT);

        JsonNode outcome = http.postJson("/api/sync/intelligent/all", user.token(), "").json().get("data").get(0);
        assertThat(outcome.get("decision").asString()).isEqualTo("synced");
        assertThat(jdbc.sql("SELECT last_reconciled_at FROM connections WHERE id = :id").param("id", connection)
                .query((rs, row) -> DbTime.read(rs, "last_reconciled_at")).single()).as("the sync reconciled")
                .isAfterOrEqualTo(clock.instant());
        for (RowEdit edit : oldRowEdits) {
            LedgerTransaction want = bank.get(edit.rowId());
            var stored = jdbc.sql("""
                    SELECT t.amount, t.wording, t.deleted_at IS NOT NULL FROM transactions t
                    JOIN accounts a ON a.id = t.account_id
                    WHERE a.connection_id = :c AND t.provider_transaction_id = :id""")
                    .param("c", connection)
                    .param("id", Long.toString(edit.rowId()))
                    .query((rs, row) -> List.of(rs.getBigDecimal(1).setScale(2), String.valueOf(rs.getString(2)),
                            rs.getBoolean(3)))
                    .single();
            assertThat(stored).as(edit.kind() + " of row " + edit.rowId() + " booked " + want.date())
                    .isEqualTo(List.of(BigDecimal.valueOf(want.valueCents(), 2), want.wording(), want.isDeleted()));
        }
        assertEveryLedgerEqualsTheBanks("after the reconciling sync");
    }

    private long handledWebhooks() {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_inbox WHERE outcome IS NOT NULL").query(Long.class).single();
    }

    private NewUser link(Http http, String bank, String login) {
        NewUser user = accounts.create(login.replace(':', '-') + "-" + bank, Role.USER);
        assertThat(new WebviewDriver(http).connect(user.token(), bank, login, "secret").status()).isEqualTo(200);
        return user;
    }

    private Map<Long, Long> providerConnectionIds() {
        return jdbc.sql("SELECT id, provider_connection_id FROM connections ORDER BY id")
                .query((rs, row) -> Map.entry(rs.getLong(1), Long.parseLong(rs.getString(2))))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private void assertEveryLedgerEqualsTheBanks(String when) {
        providerConnectionIds().forEach((connection, providerConnection) -> assertThat(LedgerComparison
                .differences(jdbc, connection, world.expectedLedger(providerConnection, clock.instant())))
                .as(when + ", connection " + connection)
                .isEmpty());
    }
}
