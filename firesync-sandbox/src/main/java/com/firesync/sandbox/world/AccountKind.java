package com.firesync.sandbox.world;

import java.util.List;

/**
 * The kinds of account a sandbox connection holds. A Test Bank connection cycles through checking, savings and card;
 * a Demo Bank connection holds its {@link Household}'s accounts: checking, Livret A, card, an investment account
 * ({@code pea} or {@code market}) and, for a household paying a mortgage, a {@code loan}.
 */
public enum AccountKind {

    CHECKING("checking", 2, "Compte courant"), SAVINGS("savings", 1, "Livret A"), CARD("card", 4,
            "Carte débit différé"), PEA("pea", 8, "PEA"), MARKET("market", 7, "Compte-titres"), LOAN("loan", 6,
                    "Prêt immobilier");

    /** The kinds a Test Bank connection cycles through. */
    private static final List<AccountKind> CYCLE = List.of(CHECKING, SAVINGS, CARD);

    private final String type;

    private final long typeId;

    private final String label;

    AccountKind(String type, long typeId, String label) {
        this.type = type;
        this.typeId = typeId;
        this.label = label;
    }

    /** The Powens account type code. */
    public String type() {
        return type;
    }

    /** The Powens {@code id_type} (the sandbox's own numbering). */
    public long typeId() {
        return typeId;
    }

    public String label() {
        return label;
    }

    /** Whether the account is money owed (a loan, or a deferred-debit card's month): a liability in net worth. */
    public boolean liability() {
        return this == LOAN || this == CARD;
    }

    /** Whether the account's balance is a market valuation. */
    public boolean investment() {
        return this == PEA || this == MARKET;
    }

    static AccountKind ofIndex(int index) {
        return CYCLE.get(index % CYCLE.size());
    }
}
