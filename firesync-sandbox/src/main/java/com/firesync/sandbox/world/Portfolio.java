package com.firesync.sandbox.world;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The investment account's valuation: a transfer on the {@value #DEPOSIT_DAY}rd of each month, and every Friday a
 * seeded random-walk move of the valuation (about 6 % a year on average, 15 % yearly volatility), booked as a row so
 * that the balance stays the sum of the rows.
 */
final class Portfolio {

    static final int DEPOSIT_DAY = 3;

    private static final double WEEKLY_DRIFT = 0.0012;

    private static final double WEEKLY_VOLATILITY = 0.021;

    private static final long STREAM = 0x5641_4CL;

    private Portfolio() {
    }

    /** The valuation move booked on {@code friday}. */
    static long moveOn(long seed, long accountId, Household household, LocalDate friday) {
        long value = household.investmentInitialCents();
        for (LocalDate day = household.firstDay(); !day.isAfter(friday); day = day.plusDays(1)) {
            if (day.getDayOfMonth() == DEPOSIT_DAY) {
                value += household.investmentDepositCents();
            }
            if (day.getDayOfWeek() == DayOfWeek.FRIDAY) {
                var random = new SplittableRandom(Seeds.mix(seed, STREAM, accountId, day.toEpochDay()));
                long move = Math.round(value * (WEEKLY_DRIFT + WEEKLY_VOLATILITY * random.nextGaussian()));
                if (day.equals(friday)) {
                    return move;
                }
                value += move;
            }
        }
        return 0;
    }
}
