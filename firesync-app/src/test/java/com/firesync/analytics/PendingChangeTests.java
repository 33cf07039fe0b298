package com.firesync.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.ledger.LedgerChanged;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PendingChangeTests {

    static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    @Test
    void accountsChangedOnTheSameDaysTakeOnePassOverTheirUnion() {
        PendingChange change = new PendingChange(changed(1, DAY.minusDays(3), DAY, "-12.50"))
                .add(changed(2, DAY.minusDays(2), DAY, "12.50", "-3.00"))
                .add(changed(3, DAY.minusDays(5), DAY.minusDays(1), "40.00"));

        assertThat(change.passes()).containsExactly(new PendingChange.Pass(Set.of(1L, 2L, 3L), DAY.minusDays(5), DAY,
                amounts("-12.50", "12.50", "-3.00", "40.00")));
    }

    @Test
    void accountsChangedFarApartTakeOnePassEach() {
        PendingChange change = new PendingChange(changed(1, DAY.minusYears(2), DAY.minusYears(2).plusDays(3), "-1.00"))
                .add(changed(2, DAY.minusDays(3), DAY, "2.00"))
                .add(changed(1, DAY.minusYears(2).minusDays(4), DAY.minusYears(2), "-5.00"));

        assertThat(change.passes()).containsExactly(
                new PendingChange.Pass(Set.of(1L), DAY.minusYears(2).minusDays(4), DAY.minusYears(2).plusDays(3),
                        amounts("-1.00", "-5.00")),
                new PendingChange.Pass(Set.of(2L), DAY.minusDays(3), DAY, amounts("2.00")));
    }

    @Test
    void aBackfillOfAccountsWrittenSideBySideTakesOnePassOverTheirHistory() {
        LocalDate from = DAY.minusYears(2);
        PendingChange change = new PendingChange(changed(1, from, DAY, "-1.00")).add(changed(2, from, DAY, "1.00"))
                .add(changed(3, from.plusDays(20), DAY.minusDays(5), "7.00"));

        assertThat(change.passes()).containsExactly(new PendingChange.Pass(Set.of(1L, 2L, 3L), from, DAY,
                amounts("-1.00", "1.00", "7.00")));
    }

    @Test
    void aLongPassGoesInSlicesOfAMonthAtMost() {
        LocalDate from = LocalDate.of(2025, 1, 1);

        assertThat(Rollups.slices(from, from.plusDays(65))).containsExactly(
                new Rollups.Days(from, from.plusDays(30)), new Rollups.Days(from.plusDays(31), from.plusDays(61)),
                new Rollups.Days(from.plusDays(62), from.plusDays(65)));
        assertThat(Rollups.slices(from, from)).containsExactly(new Rollups.Days(from, from));
    }

    @Test
    void morePassAmountsThanOneStatementNamesAreEveryAmount() {
        Set<BigDecimal> many = IntStream.rangeClosed(1, PendingChange.MAX_AMOUNTS + 1)
                .mapToObj(cents -> BigDecimal.valueOf(cents, 2))
                .collect(Collectors.toSet());
        PendingChange change = new PendingChange(new LedgerChanged(7, 1, DAY.minusDays(1), DAY, many));

        assertThat(change.passes()).singleElement().satisfies(pass -> assertThat(pass.amounts()).isNull());
        assertThat(new PendingChange(new LedgerChanged(7, 1, DAY, DAY, Set.of(BigDecimal.ONE))).passes())
                .singleElement()
                .satisfies(pass -> assertThat(pass.amounts()).containsExactly(BigDecimal.ONE));
    }

    @Test
    void anAccountWhoseBatchesNameTooManyAmountsStopsCollectingThem() {
        PendingChange change = new PendingChange(changed(1, DAY, DAY, "1.00"));
        for (int cents = 0; cents <= PendingChange.MAX_AMOUNTS; cents += 100) {
            change.add(new LedgerChanged(7, 1, DAY.minusDays(1), DAY, IntStream.range(cents, cents + 100)
                    .mapToObj(amount -> BigDecimal.valueOf(amount, 2))
                    .collect(Collectors.toSet())));
        }

        assertThat(change.accounts.get(1L).amounts).isNull();
        // more batches keep every amount: a single amount does not narrow the pass again
        change.add(changed(1, DAY, DAY, "2.00")).add(changed(2, DAY, DAY, "3.00"));
        assertThat(change.passes()).singleElement().satisfies(pass -> {
            assertThat(pass.accounts()).containsExactlyInAnyOrder(1L, 2L);
            assertThat(pass.amounts()).isNull();
        });
    }

    private static LedgerChanged changed(long account, LocalDate from, LocalDate to, String... amounts) {
        return new LedgerChanged(7, account, from, to, amounts(amounts));
    }

    private static Set<BigDecimal> amounts(String... amounts) {
        Set<BigDecimal> set = new HashSet<>();
        for (String amount : amounts) {
            set.add(new BigDecimal(amount));
        }
        return set;
    }
}
