package com.firesync.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A transaction as the API shows it.
 *
 * @param id FireSync's transaction id
 * @param accountId the account it belongs to
 * @param date the booking date (for a pending transaction, the date the bank announces)
 * @param valueDate the value date, when the bank gives one
 * @param amount signed amount in the account's currency, negative for a debit
 * @param currency ISO currency code
 * @param label the display label
 * @param originalLabel the bank's raw label
 * @param type the provider's transaction type, as sent
 * @param pending whether the bank has not booked it yet
 * @param originalAmount for an operation made in another currency (a card payment abroad), the signed amount in that
 *        currency; {@code null} otherwise
 * @param originalCurrency that other currency's code; {@code null} otherwise
 * @param archived whether its connection was deleted with its history kept
 * @param transfer when the transaction is one side of an internal transfer, the pair; {@code null} otherwise
 */
public record TransactionView(long id, long accountId, LocalDate date, @Nullable LocalDate valueDate,
        BigDecimal amount, String currency, @Nullable String label, @Nullable String originalLabel,
        @Nullable String type, boolean pending, @Nullable BigDecimal originalAmount,
        @Nullable String originalCurrency, boolean archived, @Nullable Transfer transfer) {

    /**
     * One side of a transfer between two accounts of the same user.
     *
     * @param pairId the pair's id (the debit's transaction id), the same on both sides
     * @param counterpartAccountId the account of the other side
     */
    public record Transfer(long pairId, long counterpartAccountId) {
    }
}
