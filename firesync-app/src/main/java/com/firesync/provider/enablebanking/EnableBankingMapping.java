package com.firesync.provider.enablebanking;

import com.firesync.provider.ProviderAccount;
import com.firesync.provider.ProviderTransaction;
import com.firesync.provider.enablebanking.EnableBankingJson.Account;
import com.firesync.provider.enablebanking.EnableBankingJson.AccountId;
import com.firesync.provider.enablebanking.EnableBankingJson.Amount;
import com.firesync.provider.enablebanking.EnableBankingJson.Balance;
import com.firesync.provider.enablebanking.EnableBankingJson.Party;
import com.firesync.provider.enablebanking.EnableBankingJson.Transaction;
import com.firesync.shared.Sha256;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Enable Banking's accounts, balances and transactions as the port's records. Amounts arrive as positive decimal
 * strings with {@code credit_debit_indicator} giving the direction; a debit is stored negative.
 */
final class EnableBankingMapping {

    /** The balance types read as the account's balance, in order of preference: booked first, as the ledger is. */
    private static final List<String> BOOKED = List.of("CLBD", "ITBD", "OPBD", "PRCD", "CLAV", "ITAV", "XPCD", "OTHR");

    private static final String EXPECTED = "XPCD";

    private EnableBankingMapping() {
    }

    static ProviderAccount account(String uid, String connectionId, Account details, List<Balance> balances) {
        AccountId id = details.accountId();
        String iban = id == null ? null : id.iban();
        String number = id == null || id.other() == null ? null : id.other().identification();
        BigDecimal booked = pick(balances, BOOKED);
        BigDecimal expected = pick(balances, List.of(EXPECTED));
        BigDecimal coming = booked == null || expected == null ? null : expected.subtract(booked);
        String name = firstNonBlank(details.details(), details.product(), details.name(), iban, uid);
        return new ProviderAccount(uid, connectionId, Objects.requireNonNull(name), details.product(),
                type(details.cashAccountType()), number, iban, details.currency(), booked, coming, null, null, null,
                null, details.identificationHash());
    }

    /**
     * The ISO 20022 cash account type as the port's type vocabulary (Powens' codes, which the ledger and the figures
     * read); a type without an equivalent is kept as sent, lower-cased.
     */
    static @Nullable String type(@Nullable String cashAccountType) {
        if (cashAccountType == null) {
            return null;
        }
        return switch (cashAccountType) {
            case "CACC", "CASH" -> "checking";
            case "SVGS" -> "savings";
            case "CARD" -> "card";
            case "LOAN" -> "loan";
            default -> cashAccountType.toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static @Nullable BigDecimal pick(List<Balance> balances, List<String> preference) {
        for (String type : preference) {
            for (Balance balance : balances) {
                Amount amount = balance.balanceAmount();
                if (type.equals(balance.balanceType()) && amount != null && amount.amount() != null) {
                    return decimal(amount.amount());
                }
            }
        }
        return null;
    }

    /**
     * One page of the transactions of one account, keyed consistently across the pages of one listing through
     * {@code seen} (the keys given so far, with how often). A booked row is keyed by its {@code entry_reference} (the
     * bank's id, stable across sessions; {@code "0"}, a placeholder some banks send, is none), never by its
     * {@code transaction_id}, which the reference says may change each time the list is read; without one it is keyed
     * by its content, as a pending row is. A pending row often has no reference, or one that changes when it books:
     * it gets a provisional id made of its content (day, amount, direction, currency, counterparty, text). A key met
     * again in the listing is numbered ({@code #2}, {@code #3}): some banks give two distinct lines one reference (a
     * settlement batch), and two identical pending rows are two rows. When a pending row books under a new key, or its
     * amount or text changes, the ledger matches the row under the new key to the pending row it replaces (the port's
     * {@link com.firesync.provider.PendingRows}).
     */
    static List<ProviderTransaction> transactions(String uid, List<Transaction> rows, Instant readAt,
            Map<String, Integer> seen) {
        return rows.stream()
                .filter(row -> row.transactionAmount() != null && row.transactionAmount().amount() != null)
                .map(row -> transaction(uid, row, readAt, seen))
                .filter(Objects::nonNull)
                .toList();
    }

    private static @Nullable ProviderTransaction transaction(String uid, Transaction row, Instant readAt,
            Map<String, Integer> seen) {
        LocalDate date = date(firstNonBlank(row.bookingDate(), row.transactionDate(), row.valueDate()));
        if (date == null) {
            return null;
        }
        boolean pending = !"BOOK".equals(row.status());
        boolean debit = "DBIT".equals(row.creditDebitIndicator());
        Amount amount = Objects.requireNonNull(row.transactionAmount());
        BigDecimal value = signed(decimal(Objects.requireNonNull(amount.amount())), debit);
        Party counterparty = debit ? row.creditor() : row.debtor();
        AccountId counterpartyAccount = debit ? row.creditorAccount() : row.debtorAccount();
        String counterpartyName = counterparty == null ? null : counterparty.name();
        String text = row.remittanceInformation() == null
                ? null
                : String.join(" ", row.remittanceInformation()).strip();
        String label = firstNonBlank(text, counterpartyName);
        Amount instructed = row.exchangeRate() == null ? null : row.exchangeRate().instructedAmount();
        BigDecimal original = instructed == null || instructed.amount() == null
                ? null
                : signed(decimal(instructed.amount()), debit);
        String reference = "0".equals(row.entryReference()) ? null : row.entryReference();
        String key = !pending && reference != null && !reference.isBlank()
                ? reference
                : provisionalId(row, date, value, counterpartyName, text);
        int occurrence = seen.merge(key, 1, Integer::sum);
        String id = occurrence == 1 ? key : key + "#" + occurrence;
        var code = row.bankTransactionCode();
        return new ProviderTransaction(id, uid, date, date(row.valueDate()),
                date(row.transactionDate()), null, value, amount.currency(), label, text, counterpartyName,
                code == null ? null : firstNonBlank(code.code(), code.description()), pending, null, readAt, null,
                original, instructed == null ? null : instructed.currency(), null,
                counterpartyAccount == null ? null : counterpartyAccount.iban());
    }

    private static String provisionalId(Transaction row, LocalDate date, BigDecimal value,
            @Nullable String counterparty, @Nullable String text) {
        String content = String.join("|", date.toString(), value.toPlainString(),
                String.valueOf(row.transactionAmount() == null ? null : row.transactionAmount().currency()),
                String.valueOf(row.status()), String.valueOf(counterparty), String.valueOf(text));
        return "p:" + Sha256.hex(content).substring(0, 40);
    }

    private static BigDecimal signed(BigDecimal amount, boolean debit) {
        BigDecimal positive = amount.abs();
        return debit ? positive.negate() : positive;
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw EnableBankingHttp.malformed("amount", e);
        }
    }

    private static @Nullable LocalDate date(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw EnableBankingHttp.malformed("date", e);
        }
    }

    static @Nullable String firstNonBlank(@Nullable String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
