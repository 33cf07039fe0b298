package com.firesync.sandbox.enablebanking.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One {@code Transaction}. A pending row has no {@code transaction_id} (nor booking date); a booked one has.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransactionJson(@Nullable String entryReference, AmountJson transactionAmount,
        @Nullable PartyJson creditor, @Nullable PartyJson debtor, @Nullable AccountIdJson creditorAccount,
        @Nullable AccountIdJson debtorAccount, @Nullable BankTransactionCodeJson bankTransactionCode,
        String creditDebitIndicator, String status, @Nullable String bookingDate, @Nullable String valueDate,
        String transactionDate, List<String> remittanceInformation, @Nullable ExchangeRateJson exchangeRate,
        @Nullable String transactionId) {
}
