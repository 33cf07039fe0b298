package com.firesync.sandbox.json;

/**
 * A Powens currency object.
 */
public record Currency(String id, String name, String symbol, int precision) {

    /** Every sandbox account is in euros. */
    public static final Currency EUR = new Currency("EUR", "Euro", "€", 2);
}
