package com.firesync.analytics;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What a caller asks of the FIRE figures; {@code null} values are measured from the ledger or defaulted.
 *
 * @param withdrawalRate the yearly share of the portfolio spent in retirement, above 0 and at most 1
 * @param realReturn the yearly return above inflation
 * @param annualExpenses the yearly expenses; measured over the trailing 12 complete months when {@code null}
 * @param annualSavings the yearly contribution; measured like the expenses when {@code null}
 * @param coastYears the years to the date the coast FI number must grow to the FI number by
 */
public record FireQuery(@Nullable BigDecimal withdrawalRate, @Nullable BigDecimal realReturn,
        @Nullable BigDecimal annualExpenses, @Nullable BigDecimal annualSavings, @Nullable Integer coastYears) {

    static final BigDecimal DEFAULT_WITHDRAWAL_RATE = new BigDecimal("0.04");

    static final BigDecimal DEFAULT_REAL_RETURN = new BigDecimal("0.05");

    static final int DEFAULT_COAST_YEARS = 20;
}
