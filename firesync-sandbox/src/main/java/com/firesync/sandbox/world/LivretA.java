package com.firesync.sandbox.world;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;

/**
 * The household's Livret A month by month: a transfer on the {@value #DEPOSIT_DAY}nd while the balance is under the
 * legal cap (never past it), and interest credited on 31 December. Interest accrues each month of the history on the
 * balance at the month's start at the month's regulated rate (a simplification of the bank's fortnights); it may take
 * the balance past the cap, as the law allows.
 */
final class LivretA {

    static final int DEPOSIT_DAY = 2;

    private LivretA() {
    }

    /** What happens on the Livret A in one month. */
    record Moves(long depositCents, long interestCents) {
    }

    static Moves in(Household household, YearMonth target) {
        LocalDate first = household.firstDay();
        long balance = household.livretInitialCents();
        long accrued = 0;
        for (YearMonth month = YearMonth.from(first); !month.isAfter(target); month = month.plusMonths(1)) {
            long monthStart = balance;
            long deposit = 0;
            if (!month.atDay(DEPOSIT_DAY).isBefore(first)) {
                deposit = Math.min(household.livretDepositCents(),
                        Math.max(0, Household.LIVRET_A_CAP_CENTS - balance));
                balance += deposit;
            }
            if (!month.atDay(1).isBefore(first)) {
                accrued += Math.round(monthStart * rateBasisPoints(month) / 10_000.0 / 12);
            }
            long interest = month.getMonth() == Month.DECEMBER ? accrued : 0;
            balance += interest;
            accrued -= interest;
            if (month.equals(target)) {
                return new Moves(deposit, interest);
            }
        }
        return new Moves(0, 0);
    }

    /** The regulated rate in force in {@code month}. */
    static int rateBasisPoints(YearMonth month) {
        if (month.isBefore(YearMonth.of(2023, 2))) {
            return 200;
        }
        if (month.isBefore(YearMonth.of(2025, 2))) {
            return 300;
        }
        return month.isBefore(YearMonth.of(2025, 8)) ? 240 : 170;
    }
}
