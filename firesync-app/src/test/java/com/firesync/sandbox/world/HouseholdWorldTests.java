package com.firesync.sandbox.world;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Demo Bank's household world: plausible and self-consistent over years, and a pure function of the seed.
 */
class HouseholdWorldTests {

    private static final Instant START = Instant.parse("2026-02-02T09:00:00Z");

    private static final Set<Long> CATEGORY_IDS = Arrays.stream(Category.values()).map(Category::id)
            .collect(Collectors.toSet());

    private final MutableClock clock = new MutableClock(START);

    private SandboxWorld world(long seed) {
        return new SandboxWorld(new WorldSettings(seed, Duration.ofDays(730), 5, 3), clock);
    }

    @Test
    void overFiveYearsTheCardIsSettledEveryMonthTheLivretStaysUnderItsCapAndTheLoanOnlyFalls() {
        SandboxWorld world = world(42);
        List<SandboxConnection> connections = List.of(connect(world), connect(world), connect(world), connect(world),
                connect(world), connect(world));
        clock.advance(Duration.ofDays(3 * 365 + 1));
        int capped = 0;
        int loans = 0;
        for (SandboxConnection connection : connections) {
            ConnectionLedger ledger = world.expectedLedger(connection.id(), clock.instant());
            assertThat(ChronoUnit.DAYS.between(world.firstDay(connection), Clocks.parisDate(clock.instant())))
                    .isGreaterThanOrEqualTo(5 * 365);
            cardOwesAtMostTheCurrentMonth(world, connection, ledger);
            capped += livretNeverPassesItsCapThroughADeposit(world, connection, ledger) ? 1 : 0;
            loans += loanOnlyFalls(world, connection, ledger) ? 1 : 0;
        }
        assertThat(capped).as("households whose Livret A deposits stopped at the cap").isPositive();
        assertThat(loans).as("households repaying a mortgage").isPositive();
    }

    private void cardOwesAtMostTheCurrentMonth(SandboxWorld world, SandboxConnection connection,
            ConnectionLedger ledger) {
        long card = accountOf(world, connection, AccountKind.CARD);
        List<LedgerTransaction> rows = booked(ledger, card);
        Map<LocalDate, Long> byDay = new TreeMap<>();
        rows.forEach(row -> byDay.merge(row.date(), row.valueCents(), Long::sum));
        LocalDate today = Clocks.parisDate(ledger.at());
        long balance = 0;
        for (LocalDate day = world.firstDay(connection); day.isBefore(today); day = day.plusDays(1)) {
            balance += byDay.getOrDefault(day, 0L);
            LocalDate monthStart = day.withDayOfMonth(1);
            LocalDate end = day;
            long spentThisMonth = -rows.stream()
                    .filter(row -> row.type().equals("deferred_card") && !row.date().isBefore(monthStart)
                            && !row.date().isAfter(end))
                    .mapToLong(LedgerTransaction::valueCents).sum();
            assertThat(balance).as("card on " + day).isLessThanOrEqualTo(0).isGreaterThanOrEqualTo(-spentThisMonth);
        }
        Map<YearMonth, Long> purchases = rows.stream().filter(row -> row.type().equals("deferred_card"))
                .collect(Collectors.groupingBy(row -> YearMonth.from(row.date()),
                        Collectors.summingLong(LedgerTransaction::valueCents)));
        List<LedgerTransaction> settlements = rows.stream().filter(row -> row.type().equals("summary_card")).toList();
        assertThat(settlements).hasSizeGreaterThanOrEqualTo(59);
        for (LedgerTransaction settlement : settlements) {
            assertThat(settlement.valueCents()).as("settlement of " + settlement.rdate())
                    .isEqualTo(-purchases.get(YearMonth.from(settlement.rdate())));
        }
    }

    private boolean livretNeverPassesItsCapThroughADeposit(SandboxWorld world, SandboxConnection connection,
            ConnectionLedger ledger) {
        long livret = accountOf(world, connection, AccountKind.SAVINGS);
        long balance = world.household(connection).livretInitialCents();
        int deposits = 0;
        for (LedgerTransaction row : booked(ledger, livret)) {
            balance += row.valueCents();
            if (row.categoryId() == Category.SAVINGS_TRANSFER.id()) {
                deposits++;
                assertThat(row.valueCents()).isPositive();
                assertThat(balance).as("Livret A after the deposit of " + row.date())
                        .isLessThanOrEqualTo(Household.LIVRET_A_CAP_CENTS);
            } else {
                assertThat(row.categoryId()).isEqualTo(Category.INTEREST.id());
                assertThat(row.rdate().getDayOfYear()).isEqualTo(row.rdate().lengthOfYear());
            }
        }
        assertThat(balance).isEqualTo(world.balanceOn(connection, livret, Clocks.parisDate(clock.instant())));
        return deposits < 59;
    }

    private boolean loanOnlyFalls(SandboxWorld world, SandboxConnection connection, ConnectionLedger ledger) {
        if (world.household(connection).mortgage() == null) {
            return false;
        }
        long loan = accountOf(world, connection, AccountKind.LOAN);
        LedgerAccount account = ledger.accounts().stream().filter(a -> a.id() == loan).findFirst().orElseThrow();
        long balance = account.initialCents();
        assertThat(balance).isNegative();
        List<LedgerTransaction> payments = booked(ledger, loan);
        assertThat(payments).hasSizeGreaterThanOrEqualTo(59);
        for (LedgerTransaction payment : payments) {
            assertThat(payment.valueCents()).as("capital repaid on " + payment.date()).isPositive();
            assertThat(payment.type()).isEqualTo("loan_payment");
            balance += payment.valueCents();
            assertThat(balance).isNegative();
        }
        assertThat(account.balanceCents()).isEqualTo(balance);
        assertThat(account.loan()).isNotNull();
        assertThat(account.loan().remainingCents()).isEqualTo(-balance);
        return true;
    }

    @Test
    void theSameSeedGivesTheSameHouseholdAndAnotherSeedAnotherOne() {
        SandboxWorld world = world(42);
        SandboxWorld twin = world(42);
        SandboxWorld other = world(7);
        SandboxConnection connection = connect(world);
        SandboxConnection twinConnection = connect(twin);
        SandboxConnection otherConnection = connect(other);
        clock.advance(Duration.ofDays(40));
        LocalDate day = Clocks.parisDate(clock.instant()).minusDays(1);

        assertThat(twin.household(twinConnection)).isEqualTo(world.household(connection));
        assertThat(other.household(otherConnection)).isNotEqualTo(world.household(connection));
        assertThat(twin.expectedLedger(twinConnection.id(), clock.instant()))
                .isEqualTo(world.expectedLedger(connection.id(), clock.instant()));
        for (long accountId : connection.accountIds()) {
            assertThat(twin.balanceOn(twinConnection, accountId, day.minusDays(400)))
                    .isEqualTo(world.balanceOn(connection, accountId, day.minusDays(400)));
        }
        assertThat(twin.cashFlow(twinConnection, YearMonth.from(day)))
                .isEqualTo(world.cashFlow(connection, YearMonth.from(day)));
    }

    @Test
    void aDayOfOperationsIsTheSameWhicheverRangeItIsAskedWith() {
        SandboxWorld world = world(42);
        SandboxConnection connection = connect(world);
        LocalDate today = Clocks.parisDate(clock.instant());
        Instant at = connection.dataInstant(clock.instant());
        LocalDate day = LocalDate.of(2025, 5, 31);

        List<LedgerTransaction> alone = world.transactions(connection, at, day, day);
        List<LedgerTransaction> within = world.transactions(connection, at, world.firstDay(connection), today)
                .stream().filter(row -> row.rdate().equals(day)).toList();

        assertThat(alone).isNotEmpty().containsExactlyInAnyOrderElementsOf(within);
    }

    @Test
    void everyRowIsCategorisedAndEveryInternalTransferHasTwoOppositeLegsNamingEachOther() {
        SandboxWorld world = world(42);
        SandboxConnection connection = connect(world);
        ConnectionLedger ledger = world.expectedLedger(connection.id(), clock.instant());
        Map<Long, String> ibans = ledger.accounts().stream()
                .collect(Collectors.toMap(LedgerAccount::id, LedgerAccount::iban));

        assertThat(ledger.transactions()).allSatisfy(row -> assertThat(row.categoryId()).isIn(CATEGORY_IDS));
        Map<String, List<LedgerTransaction>> legs = ledger.liveTransactions().stream()
                .filter(row -> row.transferKey() != null)
                .collect(Collectors.groupingBy(LedgerTransaction::transferKey));
        assertThat(legs).hasSizeGreaterThan(24 * 3);
        legs.forEach((key, pair) -> {
            assertThat(pair).as(key).hasSize(2);
            LedgerTransaction a = pair.get(0);
            LedgerTransaction b = pair.get(1);
            assertThat(a.valueCents()).as(key).isEqualTo(-b.valueCents());
            assertThat(a.accountId()).isNotEqualTo(b.accountId());
            assertThat(a.counterparty().iban()).isEqualTo(ibans.get(b.accountId()));
            assertThat(b.counterparty().iban()).isEqualTo(ibans.get(a.accountId()));
            assertThat(a.date()).isEqualTo(b.date());
        });
    }

    @Test
    void theSalaryComesMonthlyRisesInJanuaryAndBringsABonusOnceAYear() {
        SandboxWorld world = world(42);
        SandboxConnection connection = connect(world);
        Household household = world.household(connection);
        List<LedgerTransaction> pay = world.expectedLedger(connection.id(), clock.instant()).liveTransactions()
                .stream().filter(row -> row.categoryId() == Category.SALARY.id()
                        || row.categoryId() == Category.BONUS.id())
                .sorted(Comparator.comparing(LedgerTransaction::rdate)).toList();
        Map<Integer, List<Long>> salariesByYear = pay.stream().filter(row -> row.categoryId() == Category.SALARY.id())
                .collect(Collectors.groupingBy(row -> row.rdate().getYear(), TreeMap::new,
                        Collectors.mapping(LedgerTransaction::valueCents, Collectors.toList())));
        List<LedgerTransaction> bonuses = pay.stream().filter(row -> row.categoryId() == Category.BONUS.id()).toList();

        assertThat(salariesByYear.values().stream().mapToInt(List::size).sum()).isEqualTo(24);
        assertThat(salariesByYear.get(2025)).hasSize(12).containsOnly(salariesByYear.get(2025).get(0));
        assertThat(salariesByYear.get(2025).get(0)).isGreaterThan(salariesByYear.get(2024).get(0));
        assertThat(bonuses).hasSize(2).allSatisfy(bonus -> assertThat(bonus.rdate().getMonth())
                .isEqualTo(household.bonusMonth()));
    }

    @Test
    void netWorthAddsAssetsAndTakesOffWhatIsOwedAndTheSavingsRateIsPlausible() {
        SandboxWorld world = world(42);
        SandboxConnection connection = connect(world);
        for (YearMonth month = YearMonth.of(2024, 3); month.isBefore(YearMonth.of(2026, 1)); month = month
                .plusMonths(1)) {
            LocalDate end = month.atEndOfMonth();
            NetWorth worth = world.netWorthOn(connection, end);
            long sum = connection.accountIds().stream().mapToLong(id -> world.balanceOn(connection, id, end)).sum();
            assertThat(worth.netWorthCents()).isEqualTo(sum);
            assertThat(worth.byKind().get(AccountKind.CHECKING)).as("checking at " + month).isPositive();
            CashFlow flow = world.cashFlow(connection, month);
            assertThat(flow.incomeCents()).isGreaterThanOrEqualTo(world.household(connection).salaryCents());
            assertThat(flow.savingsRate()).as("savings rate of " + month).isBetween(-0.3, 0.8);
        }
    }

    private static SandboxConnection connect(SandboxWorld world) {
        return world.connect(world.createUser(), Bank.DEMO, Scenario.NONE);
    }

    private static long accountOf(SandboxWorld world, SandboxConnection connection, AccountKind kind) {
        return connection.accountIds().stream().filter(id -> world.kind(connection, id) == kind).findFirst()
                .orElseThrow();
    }

    private static List<LedgerTransaction> booked(ConnectionLedger ledger, long accountId) {
        return ledger.liveTransactions().stream().filter(row -> row.accountId() == accountId && !row.coming())
                .sorted(Comparator.comparing(LedgerTransaction::date).thenComparing(LedgerTransaction::id)).toList();
    }
}
