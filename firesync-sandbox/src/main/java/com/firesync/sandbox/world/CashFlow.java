package com.firesync.sandbox.world;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a household earned and spent over a period, the world's own truth (its transfers known, no detection): the
 * booked, live rows of the period, less the legs of movements between the connection's own accounts
 * ({@link LedgerTransaction#transferKey()}) and the investment account's valuation moves (a change of market value,
 * not money coming in or going out). The Livret A's interest is income; a mortgage payment's interest is an expense,
 * its capital part a transfer to the loan account.
 *
 * @param incomeCents the credits left
 * @param expensesCents the debits left, as a positive amount
 * @param savingsCents income less expenses
 * @param savingsRate savings divided by income, or null without income
 * @param transferLegs the rows left out as legs of an internal movement
 */
public record CashFlow(long incomeCents, long expensesCents, long savingsCents, @Nullable Double savingsRate,
        int transferLegs) {

    /** The cash flow of these rows (those pending or deleted are ignored). */
    public static CashFlow of(List<LedgerTransaction> rows) {
        long income = 0;
        long expenses = 0;
        int legs = 0;
        for (LedgerTransaction row : rows) {
            if (row.isDeleted() || row.coming() || isValuation(row)) {
                continue;
            }
            if (row.transferKey() != null) {
                legs++;
            } else if (row.valueCents() > 0) {
                income += row.valueCents();
            } else {
                expenses -= row.valueCents();
            }
        }
        long savings = income - expenses;
        return new CashFlow(income, expenses, savings, income == 0 ? null : (double) savings / income, legs);
    }

    /** Whether the row is an investment account's valuation move. */
    public static boolean isValuation(LedgerTransaction row) {
        Long category = row.categoryId();
        return category != null && category == Category.VALUATION.id();
    }
}
