package com.firesync.sandbox.world;

import org.jspecify.annotations.Nullable;

/**
 * The categories the sandbox gives its Demo Bank transactions ({@code id_category}) and serves as Powens'
 * {@code GET /categories} list. The ids are the sandbox's own: Powens does not publish its list. A parent category's
 * {@code id_parent_category} is its own id, as Powens documents.
 */
public enum Category {

    INCOME(1, 1, "Revenus", "2e7d32", true), SALARY(11, 1, "Salaires", "43a047", true), BONUS(12, 1, "Primes",
            "66bb6a", true), INTEREST(13, 1, "Intérêts", "81c784", true), HOUSING(2, 2, "Logement", "6d4c41",
                    false), RENT(21, 2, "Loyer", "795548", false), LOAN_INTEREST(22, 2,
                            "Intérêts d'emprunt", "8d6e63",
                            false), ENERGY(23, 2, "Électricité et gaz", "a1887f", false), TELECOM(24, 2,
                                    "Internet et téléphone", "bcaaa4", false), INSURANCE(25, 2, "Assurance habitation",
                                            "d7ccc8",
                                            false), FOOD(3, 3, "Alimentation", "f57c00", false), GROCERIES(31, 3,
                                                    "Supermarché", "fb8c00", false), RESTAURANTS(32, 3,
                                                            "Restaurants", "ffa726", false), BAKERY(33, 3,
                                                                    "Boulangerie", "ffb74d", false), TRANSPORT(4, 4,
                                                                            "Transports", "1565c0",
                                                                            false), PUBLIC_TRANSPORT(41, 4,
                                                                                    "Transports en commun", "1e88e5",
                                                                                    false), FUEL(42, 4, "Carburant",
                                                                                            "42a5f5", false), TRAIN(43,
                                                                                                    4, "Train",
                                                                                                    "64b5f6",
                                                                                                    false), LEISURE(5,
                                                                                                            5,
                                                                                                            "Loisirs",
                                                                                                            "8e24aa",
                                                                                                            false), OUTINGS(
                                                                                                                    51,
                                                                                                                    5,
                                                                                                                    "Sorties",
                                                                                                                    "ab47bc",
                                                                                                                    false), SPORT(
                                                                                                                            52,
                                                                                                                            5,
                                                                                                                            "Sport",
                                                                                                                            "ba68c8",
                                                                                                                            false), TRAVEL(
                                                                                                                                    53,
                                                                                                                                    5,
                                                                                                                                    "Voyages",
                                                                                                                                    "ce93d8",
                                                                                                                                    false), SHOPPING(
                                                                                                                                            54,
                                                                                                                                            5,
                                                                                                                                            "Achats en ligne",
                                                                                                                                            "e1bee7",
                                                                                                                                            false), HEALTH(
                                                                                                                                                    6,
                                                                                                                                                    6,
                                                                                                                                                    "Santé",
                                                                                                                                                    "00897b",
                                                                                                                                                    false), PHARMACY(
                                                                                                                                                            61,
                                                                                                                                                            6,
                                                                                                                                                            "Pharmacie",
                                                                                                                                                            "26a69a",
                                                                                                                                                            false), CASH(
                                                                                                                                                                    7,
                                                                                                                                                                    7,
                                                                                                                                                                    "Retraits",
                                                                                                                                                                    "546e7a",
                                                                                                                                                                    false), WITHDRAWAL(
                                                                                                                                                                            71,
                                                                                                                                                                            7,
                                                                                                                                                                            "Retrait d'espèces",
                                                                                                                                                                            "78909c",
                                                                                                                                                                            false), INTERNAL(
                                                                                                                                                                                    8,
                                                                                                                                                                                    8,
                                                                                                                                                                                    "Mouvements internes",
                                                                                                                                                                                    "9e9e9e",
                                                                                                                                                                                    null), SAVINGS_TRANSFER(
                                                                                                                                                                                            81,
                                                                                                                                                                                            8,
                                                                                                                                                                                            "Virement épargne",
                                                                                                                                                                                            "bdbdbd",
                                                                                                                                                                                            null), INVESTMENT_TRANSFER(
                                                                                                                                                                                                    82,
                                                                                                                                                                                                    8,
                                                                                                                                                                                                    "Versement placement",
                                                                                                                                                                                                    "bdbdbd",
                                                                                                                                                                                                    null), CARD_SETTLEMENT(
                                                                                                                                                                                                            83,
                                                                                                                                                                                                            8,
                                                                                                                                                                                                            "Débit carte différée",
                                                                                                                                                                                                            "bdbdbd",
                                                                                                                                                                                                            null), LOAN_CAPITAL(
                                                                                                                                                                                                                    84,
                                                                                                                                                                                                                    8,
                                                                                                                                                                                                                    "Remboursement du capital",
                                                                                                                                                                                                                    "bdbdbd",
                                                                                                                                                                                                                    null), VALUATION(
                                                                                                                                                                                                                            85,
                                                                                                                                                                                                                            8,
                                                                                                                                                                                                                            "Variation de valorisation",
                                                                                                                                                                                                                            "bdbdbd",
                                                                                                                                                                                                                            null);

    private final long id;

    private final long parentId;

    private final String displayName;

    private final String color;

    private final @Nullable Boolean income;

    Category(long id, long parentId, String displayName, String color, @Nullable Boolean income) {
        this.id = id;
        this.parentId = parentId;
        this.displayName = displayName;
        this.color = color;
        this.income = income;
    }

    /** The Powens {@code id_category}. */
    public long id() {
        return id;
    }

    /** The parent's id; a parent's own id. */
    public long parentId() {
        return parentId;
    }

    public String displayName() {
        return displayName;
    }

    /** A hex colour without {@code #}. */
    public String color() {
        return color;
    }

    /** An income category, an expense one, or null for both (the internal movements). */
    public @Nullable Boolean income() {
        return income;
    }
}
