package com.firesync.provider;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A bank transaction as the provider sees it. Transactions change: a pending one is booked, labels and amounts move,
 * rows disappear ({@code deleted}). The id is the upsert key.
 *
 * @param id the provider's transaction id, kept as text
 * @param accountId the provider's id of the account
 * @param date the booking (debit) date
 * @param valueDate the value date, if known
 * @param realizationDate the date the operation happened (Powens {@code rdate}), if known
 * @param applicationDate the date personal-finance views use (user-editable at the provider), if known
 * @param amount the signed amount (negative is a debit) in the account's currency, exactly as sent
 * @param currency the transaction's currency code when the provider sends one; else the account's applies
 * @param wording the display label (user-editable at the provider)
 * @param originalWording the bank's raw label
 * @param simplifiedWording the provider's cleaned label
 * @param type the provider's transaction type code exactly as sent; unknown codes are kept
 * @param pending whether the transaction is not booked yet (Powens {@code coming})
 * @param deleted when the bank stopped showing the transaction; {@code null} while it exists
 * @param lastUpdate the last change at the provider
 * @param providerLastUpdate {@code lastUpdate} as the provider's naive wall-clock value, for storage as sent
 * @param originalAmount for an operation made in another currency, the signed amount in that currency, exactly as
 *        sent (Powens {@code original_value}); else {@code null}
 * @param originalCurrency that other currency's code (Powens {@code original_currency}); else {@code null}
 * @param categoryId the provider's category (Powens {@code id_category}), if given
 * @param counterpartyIban the IBAN of the counterparty's account, when the provider names one
 */
public record ProviderTransaction(String id, String accountId, LocalDate date, @Nullable LocalDate valueDate,
        @Nullable LocalDate realizationDate, @Nullable LocalDate applicationDate, BigDecimal amount,
        @Nullable String currency, @Nullable String wording, @Nullable String originalWording,
        @Nullable String simplifiedWording, @Nullable String type, boolean pending, @Nullable Instant deleted,
        @Nullable Instant lastUpdate, @Nullable LocalDateTime providerLastUpdate, @Nullable BigDecimal originalAmount,
        @Nullable String originalCurrency, @Nullable Long categoryId, @Nullable String counterpartyIban) {

    /** A transaction without category nor counterparty. */
    public ProviderTransaction(String id, String accountId, LocalDate date, @Nullable LocalDate valueDate,
            @Nullable LocalDate realizationDate, @Nullable LocalDate applicationDate, BigDecimal amount,
            @Nullable String currency, @Nullable String wording, @Nullable String originalWording,
            @Nullable String simplifiedWording, @Nullable String type, boolean pending, @Nullable Instant deleted,
            @Nullable Instant lastUpdate, @Nullable LocalDateTime providerLastUpdate,
            @Nullable BigDecimal originalAmount, @Nullable String originalCurrency) {
        this(id, accountId, date, valueDate, realizationDate, applicationDate, amount, currency, wording,
                originalWording, simplifiedWording, type, pending, deleted, lastUpdate, providerLastUpdate,
                originalAmount, originalCurrency, null, null);
    }
}
