package com.firesync.sandbox.world;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

/**
 * A mortgage as Powens' {@code Loan} object shows it at one instant.
 *
 * @param mortgage the loan's terms
 * @param paymentsDone the payments booked by then
 * @param nextPaymentDate the next payment's booking day, or null once repaid
 * @param lastPaymentDate the last booked payment's booking day, or null before the first
 */
public record LoanDetails(Mortgage mortgage, int paymentsDone, @Nullable LocalDate nextPaymentDate,
        @Nullable LocalDate lastPaymentDate) {

    static LoanDetails at(Mortgage mortgage, Instant at) {
        int done = Math.max(0, mortgage.paymentsBefore(Clocks.parisDate(at).minusDays(3)));
        while (done < mortgage.months() && !booked(mortgage, done + 1).isAfter(at)) {
            done++;
        }
        return new LoanDetails(mortgage, done,
                done < mortgage.months() ? Clocks.bookingDay(mortgage.paymentDay(done + 1)) : null,
                done > 0 ? Clocks.bookingDay(mortgage.paymentDay(done)) : null);
    }

    /** When payment {@code k} books (the planned rows book at 06:00 and some minutes). */
    private static Instant booked(Mortgage mortgage, int k) {
        return Clocks.paris(Clocks.bookingDay(mortgage.paymentDay(k)), LocalTime.of(6, 5));
    }

    /** The capital still due. */
    public long remainingCents() {
        return mortgage.remainingAfter(paymentsDone);
    }
}
