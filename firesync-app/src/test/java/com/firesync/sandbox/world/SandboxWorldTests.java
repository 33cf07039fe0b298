package com.firesync.sandbox.world;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The bank world as a pure function of seed, ids and time.
 */
class SandboxWorldTests {

    private static final Instant START = Instant.parse("2026-02-02T09:00:00Z");

    private final MutableClock clock = new MutableClock(START);

    private final SandboxWorld world = new SandboxWorld(new WorldSettings(42, Duration.ofDays(90), 3, 3), clock);

    private SandboxConnection connect(Scenario scenario) {
        return world.connect(world.createUser(), scenario == Scenario.NONE ? Bank.DEMO : Bank.TEST, scenario);
    }

    @Test
    void theSameSeedGivesTheSameLedgerAndAnotherSeedADifferentOne() {
        long id = connect(Scenario.NONE).id();
        var twin = new SandboxWorld(new WorldSettings(42, Duration.ofDays(90), 3, 3), clock);
        var other = new SandboxWorld(new WorldSettings(7, Duration.ofDays(90), 3, 3), clock);
        twin.connect(twin.createUser(), Bank.DEMO, Scenario.NONE);
        other.connect(other.createUser(), Bank.DEMO, Scenario.NONE);
        clock.advance(Duration.ofDays(3));

        assertThat(twin.expectedLedger(id, clock.instant())).isEqualTo(world.expectedLedger(id, clock.instant()));
        assertThat(other.expectedLedger(id, clock.instant()).transactions())
                .isNotEqualTo(world.expectedLedger(id, clock.instant()).transactions());
    }

    @Test
    void aFewCardPaymentsAreMadeAbroadAtAPlausibleRateThatStaysThroughTheirLife() {
        SandboxConnection connection = connect(Scenario.NONE);
        var twin = new SandboxWorld(new WorldSettings(42, Duration.ofDays(90), 3, 3), clock);
        twin.connect(twin.createUser(), Bank.DEMO, Scenario.NONE);
        clock.advance(Duration.ofDays(2));
        var rows = world.expectedLedger(connection.id(), clock.instant()).transactions();
        var cards = rows.stream().filter(t -> t.type().equals("card") || t.type().equals("deferred_card")).toList();
        var abroad = rows.stream().filter(t -> t.original() != null).toList();
        Map<String, double[]> rates = Map.of("USD", new double[]{1.05, 1.11}, "GBP", new double[]{0.82, 0.88}, "CHF",
                new double[]{0.92, 0.98});

        assertThat(cards).containsAll(abroad);
        assertThat(abroad.size()).isBetween(cards.size() / 30, cards.size() / 6);
        assertThat(abroad).extracting(t -> t.original().currency()).contains("USD", "GBP", "CHF");
        for (LedgerTransaction row : abroad.stream().filter(t -> !t.coming()).toList()) {
            double rate = (double) row.original().cents() / row.valueCents();
            double[] range = rates.get(row.original().currency());
            assertThat(rate).as(row.toString()).isBetween(range[0] - 0.01, range[1] + 0.01);
        }
        for (LedgerTransaction replacement : rows.stream()
                .filter(t -> t.id() % 100 >= Operation.REPLACEMENT_OFFSET)
                .toList()) {
            rows.stream().filter(t -> t.id() + Operation.REPLACEMENT_OFFSET == replacement.id()).findFirst()
                    .ifPresent(pending -> assertThat(replacement.original()).isEqualTo(pending.original()));
        }
        assertThat(twin.expectedLedger(connection.id(), clock.instant()).transactions()).filteredOn(
                t -> t.original() != null).isEqualTo(abroad);
    }

    @Test
    void historyReachesTheConfiguredDepthWithSeveralRowsPerAccountPerDay() {
        var ledger = world.expectedLedger(connect(Scenario.NONE).id(), clock.instant());
        LocalDate oldest = ledger.transactions().stream().map(LedgerTransaction::rdate).min(LocalDate::compareTo)
                .orElseThrow();
        assertThat(oldest).isEqualTo(Clocks.parisDate(START.minus(Duration.ofDays(90))));
        assertThat(ledger.transactions()).hasSizeGreaterThan(90 * 3 * 2);
    }

    @Test
    void balancesAgreeWithTheTransactions() {
        SandboxConnection connection = connect(Scenario.NONE);
        clock.advance(Duration.ofDays(5).plusHours(7));
        var ledger = world.expectedLedger(connection.id(), clock.instant());
        for (LedgerAccount account : ledger.accounts()) {
            var rows = ledger.liveTransactions().stream().filter(t -> t.accountId() == account.id()).toList();
            assertThat(account.balanceCents()).isEqualTo(account.initialCents()
                    + rows.stream().filter(t -> !t.coming()).mapToLong(LedgerTransaction::valueCents).sum());
            assertThat(account.comingCents())
                    .isEqualTo(rows.stream().filter(LedgerTransaction::coming).mapToLong(LedgerTransaction::valueCents)
                            .sum());
        }
    }

    @Test
    void idsAreUniqueAndRowsNeverGoBackInTime() {
        SandboxConnection connection = connect(Scenario.fromLogin("churn"));
        var before = world.expectedLedger(connection.id(), clock.instant());
        clock.advance(Duration.ofDays(6));
        var after = world.expectedLedger(connection.id(), clock.instant());
        Set<Long> ids = new HashSet<>();
        after.transactions().forEach(t -> assertThat(ids.add(t.id())).as("unique id " + t.id()).isTrue());
        for (LedgerTransaction old : before.transactions()) {
            LedgerTransaction now = after.transactions().stream().filter(t -> t.id() == old.id()).findFirst()
                    .orElseThrow();
            assertThat(now.lastUpdate()).isAfterOrEqualTo(old.lastUpdate());
            assertThat(now.dateScraped()).isEqualTo(old.dateScraped());
        }
    }

    @Test
    void pendingRowsBookInPlaceOrAreReplacedByANewIdAndSomeRowsAreDeleted() {
        SandboxConnection connection = connect(Scenario.NONE);
        Instant t0 = clock.instant();
        clock.advance(Duration.ofDays(8));
        List<LedgerTransaction> before = world.expectedLedger(connection.id(), t0.plus(Duration.ofDays(1)))
                .transactions();
        List<LedgerTransaction> after = world.expectedLedger(connection.id(), clock.instant()).transactions();
        var bookedInPlace = before.stream().filter(LedgerTransaction::coming).filter(p -> after.stream()
                .anyMatch(a -> a.id() == p.id() && !a.coming() && a.deleted() == null)).count();
        var replaced = after.stream().filter(a -> a.deleted() != null && a.coming())
                .filter(p -> after.stream().anyMatch(a -> a.id() == p.id() + 50 && !a.coming())).count();
        var deletedBooked = after.stream().filter(a -> a.deleted() != null && !a.coming()).count();
        assertThat(bookedInPlace).isPositive();
        assertThat(replaced).isPositive();
        assertThat(deletedBooked + replaced).isPositive();
    }

    @Test
    void somePendingAmountsAndLabelsChangeBeforeBooking() {
        SandboxConnection connection = connect(Scenario.NONE);
        long amounts = 0;
        long labels = 0;
        var previous = world.expectedLedger(connection.id(), clock.instant()).transactions();
        for (int hour = 1; hour <= 72; hour++) {
            var current = world.expectedLedger(connection.id(), clock.instant().plus(Duration.ofHours(hour)))
                    .transactions();
            for (LedgerTransaction old : previous) {
                var now = current.stream().filter(t -> t.id() == old.id() && t.coming() && old.coming()).findFirst();
                amounts += now.filter(t -> t.valueCents() != old.valueCents()).isPresent() ? 1 : 0;
                labels += now.filter(t -> !t.originalWording().equals(old.originalWording())).isPresent() ? 1 : 0;
            }
            previous = current;
        }
        assertThat(amounts).isPositive();
        assertThat(labels).isPositive();
    }

    @Test
    void rowsThatVanishedBeforeTheFirstSyncWereNeverSeenAndOlderRowsCarryTheFirstSync() {
        SandboxConnection connection = connect(Scenario.NONE);
        var ledger = world.expectedLedger(connection.id(), clock.instant());
        assertThat(ledger.transactions()).allSatisfy(t -> {
            assertThat(t.deleted()).isNull();
            assertThat(t.lastUpdate()).isAfterOrEqualTo(connection.created());
        });
    }

    @Test
    void scaTripsAfterTheConfiguredSyncsAndFreezesTheData() {
        SandboxConnection connection = connect(Scenario.fromLogin("sca:2"));
        assertThat(connection.sync(clock.instant())).isTrue();
        assertThat(connection.read(clock.instant())).isTrue();
        Instant tripped = clock.instant();
        assertThat(connection.sync(tripped)).isFalse();
        assertThat(connection.state()).isEqualTo(SandboxConnection.SCA_REQUIRED);
        clock.advance(Duration.ofDays(1));
        assertThat(connection.dataInstant(clock.instant())).isEqualTo(tripped);
        connection.reconnected(clock.instant());
        assertThat(connection.state()).isNull();
        assertThat(connection.dataInstant(clock.instant())).isEqualTo(clock.instant());
    }

    @Test
    void loginsChooseScenarios() {
        assertThat(Scenario.fromLogin("sca:5")).isEqualTo(new Scenario(Scenario.Kind.SCA, 5));
        assertThat(Scenario.fromLogin("FLAKY")).isEqualTo(new Scenario(Scenario.Kind.FLAKY, 30));
        assertThat(Scenario.fromLogin("alice")).isEqualTo(Scenario.NONE);
    }
}
