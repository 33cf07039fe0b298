package com.firesync.sandbox.enablebanking;

import com.firesync.sandbox.enablebanking.json.AccountIdJson;
import com.firesync.sandbox.enablebanking.json.AccountJson;
import com.firesync.sandbox.enablebanking.json.AmountJson;
import com.firesync.sandbox.enablebanking.json.BalanceJson;
import com.firesync.sandbox.enablebanking.json.BalancesJson;
import com.firesync.sandbox.enablebanking.json.BankTransactionCodeJson;
import com.firesync.sandbox.enablebanking.json.ExchangeRateJson;
import com.firesync.sandbox.enablebanking.json.GenericIdJson;
import com.firesync.sandbox.enablebanking.json.PartyJson;
import com.firesync.sandbox.enablebanking.json.TransactionJson;
import com.firesync.sandbox.world.Bank;
import com.firesync.sandbox.world.LedgerAccount;
import com.firesync.sandbox.world.LedgerTransaction;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The world's accounts and rows in Enable Banking's shapes. Amounts are positive strings with
 * {@code credit_debit_indicator} giving the direction. A booked row carries its world id as {@code entry_reference}
 * and {@code transaction_id}; a pending row has no {@code transaction_id} and a pending {@code entry_reference}
 * ({@code PDNG-<id>}) that changes when it books, as some banks do. Hashes are stable per (bank, IBAN).
 */
final class EnableBankingJson {

    static final String CURRENCY = "EUR";

    private static final String IBAN_FIELDS = "[[\"account\",\"account_id\",\"iban\"]]";

    private static final String BANK_IBAN_FIELDS = "[[\"aspsp_name\"],[\"aspsp_country\"],"
            + "[\"account\",\"account_id\",\"iban\"]]";

    private EnableBankingJson() {
    }

    static AccountJson account(Bank bank, String uid, LedgerAccount account) {
        String iban = account.iban();
        return new AccountJson(new AccountIdJson(iban), List.of(new GenericIdJson(iban, "IBAN")),
                "Sandbox customer " + account.userId(), account.kind().label(), "PRIV", cashAccountType(account),
                account.kind().label(), CURRENCY, uid, identificationHash(iban),
                identificationHashes(bank, iban));
    }

    static String identificationHash(String iban) {
        return hash(IBAN_FIELDS, iban);
    }

    static List<String> identificationHashes(Bank bank, String iban) {
        return List.of(identificationHash(iban),
                hash(BANK_IBAN_FIELDS, bank.displayName() + "|" + Aspsps.COUNTRY + "|" + iban));
    }

    static BalancesJson balances(LedgerAccount account, LocalDate today) {
        return new BalancesJson(List.of(
                new BalanceJson("Booked balance", amount(account.balanceCents()), "CLBD", today.toString(), null),
                new BalanceJson("Expected balance", amount(account.balanceCents() + account.comingCents()), "XPCD",
                        today.toString(), null)));
    }

    static TransactionJson transaction(LedgerTransaction row) {
        boolean debit = row.valueCents() < 0;
        boolean booked = !row.coming();
        var counterparty = row.counterparty();
        PartyJson other = new PartyJson(counterparty != null ? counterparty.label() : row.simplifiedWording());
        @Nullable
        AccountIdJson otherAccount = counterparty != null && counterparty.iban() != null
                ? new AccountIdJson(counterparty.iban())
                : null;
        var original = row.original();
        @Nullable
        ExchangeRateJson exchange = original == null
                ? null
                : new ExchangeRateJson(new AmountJson(original.currency(), decimal(Math.abs(original.cents()))));
        String id = Long.toString(row.id());
        return new TransactionJson(booked ? id : "PDNG-" + id, amount(Math.abs(row.valueCents())),
                debit ? other : null, debit ? null : other, debit ? otherAccount : null, debit ? null : otherAccount,
                new BankTransactionCodeJson(row.type()), debit ? "DBIT" : "CRDT", booked ? "BOOK" : "PDNG",
                booked ? row.date().toString() : null, booked ? row.date().toString() : null, row.rdate().toString(),
                List.of(row.originalWording()), exchange, booked ? id : null);
    }

    static AmountJson amount(long cents) {
        return new AmountJson(CURRENCY, decimal(cents));
    }

    private static String decimal(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private static String cashAccountType(LedgerAccount account) {
        return switch (account.kind()) {
            case CHECKING -> "CACC";
            case SAVINGS -> "SVGS";
            case CARD -> "CARD";
            case LOAN -> "LOAN";
            case PEA, MARKET -> "OTHR";
        };
    }

    /** {@code <base64 of the JSON list of field paths>.<base64 of a 32-byte digest>}, the shape Enable Banking uses. */
    private static String hash(String fields, String value) {
        Base64.Encoder base64 = Base64.getEncoder();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((fields + "\n" + value).getBytes(StandardCharsets.UTF_8));
            return base64.encodeToString(fields.getBytes(StandardCharsets.UTF_8)) + "." + base64.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
