package com.firesync.analytics;

import java.util.OptionalDouble;

/**
 * The closed forms of a portfolio {@code P} growing at a yearly rate {@code r} with a contribution {@code C} at the
 * end of each year: after {@code n} years it holds {@code P(1+r)^n + C((1+r)^n - 1)/r} ({@code P + nC} when
 * {@code r} is 0).
 */
final class Growth {

    private Growth() {
    }

    static double after(double portfolio, double contribution, double rate, double years) {
        if (rate == 0) {
            return portfolio + years * contribution;
        }
        double growth = Math.pow(1 + rate, years);
        return portfolio * growth + contribution * (growth - 1) / rate;
    }

    /**
     * The years until the portfolio reaches {@code target}: {@code n = ln((F + C/r) / (P + C/r)) / ln(1 + r)}
     * ({@code (F - P)/C} when {@code r} is 0); empty when it never does.
     */
    static OptionalDouble yearsTo(double target, double portfolio, double contribution, double rate) {
        if (portfolio >= target) {
            return OptionalDouble.of(0);
        }
        if (rate == 0) {
            return contribution > 0 ? OptionalDouble.of((target - portfolio) / contribution) : OptionalDouble.empty();
        }
        double ratio = (target + contribution / rate) / (portfolio + contribution / rate);
        double years = Math.log(ratio) / Math.log(1 + rate);
        return Double.isFinite(years) && years >= 0 ? OptionalDouble.of(years) : OptionalDouble.empty();
    }
}
