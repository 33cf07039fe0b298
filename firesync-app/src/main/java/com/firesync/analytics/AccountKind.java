package com.firesync.analytics;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an account is for the figures, from the provider's account type (Powens codes).
 */
enum AccountKind {

    /** Checking, joint and unknown accounts: everyday money; assets, not investable. */
    CASH,
    /** Savings and deposit accounts (Livret A...): assets, investable, their interest is income. */
    SAVINGS,
    /** Investment accounts (PEA, market, life insurance, retirement plans...): valued, investable, no cash flow. */
    INVESTMENT,
    /** Deferred-debit cards: the month's spending before it is settled; a liability when negative. */
    CARD,
    /** Loans: the remaining capital, always a liability; its rows are neither income nor expenses. */
    LOAN;

    /** Powens' investment account types. */
    static final Set<String> INVESTMENT_TYPES = Set.of("article83", "capitalisation", "crowdlending", "lifeinsurance",
            "madelin", "market", "pea", "pee", "per", "perco", "perp", "real_estate", "rsp");

    static AccountKind of(@Nullable String type) {
        if (type == null) {
            return CASH;
        }
        return switch (type) {
            case "savings", "deposit" -> SAVINGS;
            case "card" -> CARD;
            case "loan" -> LOAN;
            default -> INVESTMENT_TYPES.contains(type) ? INVESTMENT : CASH;
        };
    }

    /** Whether the account's balance counts towards financial independence. */
    boolean investable() {
        return this == SAVINGS || this == INVESTMENT;
    }

    /** Whether the account's rows (transfers aside) are income and expenses. */
    boolean countsCashFlow() {
        return this == CASH || this == SAVINGS || this == CARD;
    }
}
