package com.firesync.provider.enablebanking;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Enable Banking's JSON shapes as far as FireSync reads or sends them (snake_case on the wire; unknown fields are
 * ignored, every optional field may be {@code null}). Nothing here leaves the package.
 */
final class EnableBankingJson {

    private EnableBankingJson() {
    }

    record Aspsps(@Nullable List<Aspsp> aspsps) {
    }

    record Aspsp(String name, String country, @Nullable String logo, @Nullable String bic,
            @Nullable Long maximumConsentValidity) {
    }

    record AspspRef(String name, String country) {
    }

    record Access(String validUntil) {
    }

    record StartAuthorization(Access access, AspspRef aspsp, String state, String redirectUrl, String psuType,
            @Nullable String psuId) {
    }

    record StartedAuthorization(String url, @Nullable String authorizationId) {
    }

    record SessionCode(String code) {
    }

    record AuthorizedSession(String sessionId, @Nullable AspspRef aspsp, @Nullable SessionAccess access) {
    }

    record SessionAccess(@Nullable String validUntil) {
    }

    record Session(@Nullable String status, @Nullable List<String> accounts, @Nullable AspspRef aspsp,
            @Nullable SessionAccess access) {
    }

    record AccountId(@Nullable String iban, @Nullable GenericId other) {
    }

    record GenericId(@Nullable String identification, @Nullable String schemeName) {
    }

    record Account(@Nullable String uid, @Nullable AccountId accountId, @Nullable String name,
            @Nullable String details, @Nullable String product, @Nullable String cashAccountType,
            @Nullable String currency, @Nullable String identificationHash) {
    }

    record Amount(@Nullable String currency, @Nullable String amount) {
    }

    record Balances(@Nullable List<Balance> balances) {
    }

    record Balance(@Nullable Amount balanceAmount, @Nullable String balanceType) {
    }

    record Transactions(@Nullable List<Transaction> transactions, @Nullable String continuationKey) {
    }

    record Party(@Nullable String name) {
    }

    record BankTransactionCode(@Nullable String description, @Nullable String code) {
    }

    record ExchangeRate(@Nullable Amount instructedAmount) {
    }

    record Transaction(@Nullable String entryReference, @Nullable String transactionId,
            @Nullable Amount transactionAmount, @Nullable String creditDebitIndicator, @Nullable String status,
            @Nullable String bookingDate, @Nullable String valueDate, @Nullable String transactionDate,
            @Nullable Party creditor, @Nullable Party debtor, @Nullable AccountId creditorAccount,
            @Nullable AccountId debtorAccount, @Nullable BankTransactionCode bankTransactionCode,
            @Nullable List<String> remittanceInformation, @Nullable ExchangeRate exchangeRate) {
    }

    /** {@code ErrorResponse}: only {@code message} is required; {@code detail} may be text, a list or an object. */
    record Error(@Nullable String message, @Nullable Integer code, @Nullable String error, @Nullable Object detail) {
    }
}
