package com.firesync.ledger;

import com.firesync.provider.ProviderTransaction;
import com.firesync.shared.Text;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Currency codes as the ledger stores them: the one place that decides what a missing code becomes.
 */
final class Currencies {

    /** ISO 4217's code for "no currency", stored when the provider sends none (the column is required). */
    static final String UNKNOWN = "XXX";

    private static final int MAX = 8;

    private Currencies() {
    }

    static String orUnknown(@Nullable String code) {
        return code == null || code.isBlank() ? UNKNOWN : Objects.requireNonNull(Text.clip(code, MAX));
    }

    /** A transaction's currency: its own when the provider sends one, else its account's. */
    static String of(ProviderTransaction transaction, @Nullable String accountCurrency) {
        return orUnknown(transaction.currency() == null ? accountCurrency : transaction.currency());
    }

    /** A foreign currency code, or null when the operation was made in the account's currency. */
    static @Nullable String original(@Nullable String code) {
        return code == null || code.isBlank() ? null : Objects.requireNonNull(Text.clip(code, MAX));
    }
}
