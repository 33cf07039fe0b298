package com.firesync.sandbox.world;

/**
 * The kinds of account a sandbox connection holds, in order: the first account is a checking account, the second a
 * savings account, the third a card account.
 */
public enum AccountKind {

    CHECKING("checking", 2, "Compte courant"), SAVINGS("savings", 1, "Livret A"), CARD("card", 4,
            "Carte débit différé");

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

    /** The Powens {@code id_type}. */
    public long typeId() {
        return typeId;
    }

    public String label() {
        return label;
    }

    static AccountKind ofIndex(int index) {
        return values()[index % values().length];
    }
}
