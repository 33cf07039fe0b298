package com.firesync.sandbox.world;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * A fixed-rate mortgage repaid by constant monthly payments on the {@value #PAYMENT_DAY}th. The capital still due after
 * payment {@code k} is the annuity's closed form rounded to the cent, so each payment's capital part is the fall of
 * that figure and the parts add up exactly to the amount borrowed; the interest part is the rest of the payment.
 *
 * @param principalCents the amount borrowed
 * @param rateBasisPoints the yearly nominal rate, in hundredths of a percent
 * @param months the number of monthly payments
 * @param firstPayment the month of the first payment
 */
public record Mortgage(long principalCents, int rateBasisPoints, int months, YearMonth firstPayment) {

    /** The day of the month a payment is made. */
    static final int PAYMENT_DAY = 5;

    private double monthlyRate() {
        return rateBasisPoints / 10_000.0 / 12;
    }

    /** The constant monthly payment, in cents. */
    public long paymentCents() {
        double i = monthlyRate();
        return Math.round(principalCents * i / (1 - Math.pow(1 + i, -months)));
    }

    /** The capital still due after {@code k} payments (0 to {@code months}). */
    public long remainingAfter(int k) {
        if (k <= 0) {
            return principalCents;
        }
        if (k >= months) {
            return 0;
        }
        double i = monthlyRate();
        double growth = Math.pow(1 + i, k);
        return Math.max(0, Math.round(principalCents * growth - paymentCents() * (growth - 1) / i));
    }

    /** The capital part of payment {@code k} (1-based). */
    public long capitalCents(int k) {
        return remainingAfter(k - 1) - remainingAfter(k);
    }

    /** The interest part of payment {@code k}: the rest of the payment, or of the capital left for the last one. */
    public long interestCents(int k) {
        return k >= months ? Math.round(remainingAfter(k - 1) * monthlyRate()) : paymentCents() - capitalCents(k);
    }

    /** The payment number falling in {@code month}, or 0 outside the loan's life. */
    public int paymentIn(YearMonth month) {
        long k = ChronoUnit.MONTHS.between(firstPayment, month) + 1;
        return k < 1 || k > months ? 0 : (int) k;
    }

    /** The payments whose day comes before {@code day}. */
    public int paymentsBefore(LocalDate day) {
        long before = ChronoUnit.MONTHS.between(firstPayment, YearMonth.from(day))
                + (day.getDayOfMonth() > PAYMENT_DAY ? 1 : 0);
        return (int) Math.max(0, Math.min(months, before));
    }

    /** The day of payment {@code k}, before any Sunday shift. */
    public LocalDate paymentDay(int k) {
        return firstPayment.plusMonths(k - 1L).atDay(PAYMENT_DAY);
    }

    public LocalDate subscriptionDate() {
        return firstPayment.minusMonths(1).atDay(PAYMENT_DAY);
    }
}
