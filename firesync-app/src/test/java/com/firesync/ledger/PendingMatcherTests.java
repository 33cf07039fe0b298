package com.firesync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.ledger.PendingMatcher.Candidate;
import com.firesync.provider.ProviderTransaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class PendingMatcherTests {

    private static final Period WINDOW = Period.ofDays(7);

    private static final LocalDate MADE = LocalDate.of(2026, 6, 10);

    @Test
    void matchesABookedRowToThePendingRowOfTheSameAmountDaysBefore() {
        var result = PendingMatcher.match(List.of(booked("B1", "-12.40", MADE.plusDays(3), "CB BAKERY", "Bakery")),
                List.of(pending(1, "-12.40", MADE, "CB BAKERY", "Bakery"), pending(2, "-80.00", MADE, "CB SHOP",
                        "Shop")),
                WINDOW);

        assertThat(result.matches()).isEqualTo(Map.of("B1", 1L));
        assertThat(result.ambiguous()).isZero();
    }

    @Test
    void acceptsAChangedAmountWithinTheToleranceOnlyWhenTheCounterpartyOrTextAgrees() {
        var sameMerchant = PendingMatcher.match(List.of(booked("B1", "-13.50", MADE.plusDays(1), "CB BAKERY 10/06",
                "Bakery")), List.of(pending(1, "-12.40", MADE, "PRE-AUTH BAKERY", "Bakery")), WINDOW);
        var otherMerchant = PendingMatcher.match(List.of(booked("B1", "-13.50", MADE.plusDays(1), "CB GARAGE",
                "Garage")), List.of(pending(1, "-12.40", MADE, "PRE-AUTH BAKERY", "Bakery")), WINDOW);
        var tooFar = PendingMatcher.match(List.of(booked("B1", "-20.00", MADE.plusDays(1), "CB BAKERY", "Bakery")),
                List.of(pending(1, "-12.40", MADE, "CB BAKERY", "Bakery")), WINDOW);

        assertThat(sameMerchant.matches()).isEqualTo(Map.of("B1", 1L));
        assertThat(otherMerchant.matches()).isEmpty();
        assertThat(tooFar.matches()).isEmpty();
    }

    @Test
    void refusesAChangedAmountMadeOnAnotherOperationDay() {
        var otherDay = new ProviderTransaction("B1", "uid", MADE.plusDays(3), null, MADE.plusDays(2), null,
                new BigDecimal("-13.50"), "EUR", "CB BAKERY", "CB BAKERY", "Bakery", null, false, null, null, null,
                null, null);
        var sameAmountOtherDay = new ProviderTransaction("B2", "uid", MADE.plusDays(3), null, MADE.plusDays(2), null,
                new BigDecimal("-12.40"), "EUR", "CB BAKERY", "CB BAKERY", "Bakery", null, false, null, null, null,
                null, null);

        assertThat(PendingMatcher.match(List.of(otherDay), List.of(pending(1, "-12.40", MADE, "CB BAKERY",
                "Bakery")), WINDOW).matches()).isEmpty();
        assertThat(PendingMatcher.match(List.of(sameAmountOtherDay), List.of(pending(1, "-12.40", MADE,
                "CB BAKERY", "Bakery")), WINDOW).matches()).isEqualTo(Map.of("B2", 1L));
    }

    @Test
    void leavesRowsOutsideTheWindowOrOfTheOtherSignAlone() {
        var late = PendingMatcher.match(List.of(booked("B1", "-12.40", MADE.plusDays(8), "CB BAKERY", "Bakery")),
                List.of(pending(1, "-12.40", MADE, "CB BAKERY", "Bakery")), WINDOW);
        var before = PendingMatcher.match(List.of(booked("B1", "-12.40", MADE.minusDays(1), "CB BAKERY", "Bakery")),
                List.of(pending(1, "-12.40", MADE, "CB BAKERY", "Bakery")), WINDOW);
        var refund = PendingMatcher.match(List.of(booked("B1", "12.40", MADE.plusDays(1), "CB BAKERY", "Bakery")),
                List.of(pending(1, "-12.40", MADE, "CB BAKERY", "Bakery")), WINDOW);

        assertThat(late.matches()).isEmpty();
        assertThat(before.matches()).isEmpty();
        assertThat(refund.matches()).isEmpty();
        assertThat(late.ambiguous() + before.ambiguous() + refund.ambiguous()).isZero();
    }

    @Test
    void prefersTheSameAmountThenTheSameOperationDayThenTheText() {
        var amount = PendingMatcher.match(List.of(booked("B1", "-12.40", MADE.plusDays(2), "CB BAKERY", "Bakery")),
                List.of(pending(1, "-12.00", MADE, "CB BAKERY", "Bakery"), pending(2, "-12.40", MADE, "OTHER",
                        "Bakery")),
                WINDOW);
        var day = PendingMatcher.match(List.of(booked("B1", "-12.40", MADE.plusDays(2), "CB BAKERY", "Bakery")),
                List.of(pending(1, "-12.40", MADE.plusDays(1), "CB BAKERY", "Bakery"), pending(2, "-12.40", MADE,
                        "CB BAKERY", "Bakery")),
                WINDOW);

        assertThat(amount.matches()).isEqualTo(Map.of("B1", 2L));
        assertThat(day.matches()).isEqualTo(Map.of("B1", 2L));
    }

    @Test
    void countsATieAsAmbiguousAndMatchesNothing() {
        var twins = PendingMatcher.match(List.of(booked("B1", "-4.20", MADE.plusDays(1), "CB BAKERY", "Bakery")),
                List.of(pending(1, "-4.20", MADE, "CB BAKERY", "Bakery"), pending(2, "-4.20", MADE, "CB BAKERY",
                        "Bakery")),
                WINDOW);
        var twoBookedForOne = PendingMatcher.match(List.of(booked("B1", "-4.20", MADE.plusDays(1), "CB BAKERY",
                "Bakery"), booked("B2", "-4.20", MADE.plusDays(1), "CB BAKERY", "Bakery")),
                List.of(pending(1, "-4.20", MADE, "CB BAKERY", "Bakery")), WINDOW);

        assertThat(twins.matches()).isEmpty();
        assertThat(twins.ambiguous()).isEqualTo(1);
        assertThat(twoBookedForOne.matches()).isEmpty();
        assertThat(twoBookedForOne.ambiguous()).isEqualTo(2);
    }

    @Test
    void givesEachOfTwoDistinctBookedRowsItsOwnPendingRow() {
        var result = PendingMatcher.match(List.of(booked("B1", "-4.20", MADE.plusDays(1), "CB BAKERY", "Bakery"),
                booked("B2", "-9.90", MADE.plusDays(1), "CB BAKERY", "Bakery")),
                List.of(pending(1, "-9.90", MADE, "CB BAKERY", "Bakery"), pending(2, "-4.20", MADE, "CB BAKERY",
                        "Bakery")),
                WINDOW);

        assertThat(result.matches()).isEqualTo(Map.of("B1", 2L, "B2", 1L));
    }

    private static ProviderTransaction booked(String id, String amount, LocalDate booked, @Nullable String text,
            @Nullable String counterparty) {
        return new ProviderTransaction(id, "uid", booked, null, MADE, null, new BigDecimal(amount), "EUR", text, text,
                counterparty, null, false, null, null, null, null, null);
    }

    private static Candidate pending(long id, String amount, LocalDate made, @Nullable String text,
            @Nullable String counterparty) {
        return new Candidate(id, made, new BigDecimal(amount), made, text, counterparty);
    }
}
