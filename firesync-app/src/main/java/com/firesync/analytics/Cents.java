package com.firesync.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts as the figures show them: rounded half up to the cent. */
final class Cents {

    private Cents() {
    }

    static BigDecimal of(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal of(double amount) {
        return of(BigDecimal.valueOf(amount));
    }
}
