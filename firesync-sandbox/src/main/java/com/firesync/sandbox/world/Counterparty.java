package com.firesync.sandbox.world;

import org.jspecify.annotations.Nullable;

/**
 * The other side of a transfer, as Powens' {@code TransactionCounterparty} describes it.
 *
 * @param label its name
 * @param iban its IBAN, or null when the bank does not give it
 * @param type {@code creditor} when the row pays it, {@code debtor} when it pays the row's account
 */
public record Counterparty(String label, @Nullable String iban, String type) {

    static Counterparty creditor(String label, @Nullable String iban) {
        return new Counterparty(label, iban, "creditor");
    }

    static Counterparty debtor(String label, @Nullable String iban) {
        return new Counterparty(label, iban, "debtor");
    }
}
