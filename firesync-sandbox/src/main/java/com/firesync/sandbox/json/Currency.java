package com.firesync.sandbox.json;

import java.util.List;

/**
 * A Powens currency object.
 */
public record Currency(String id, String name, String symbol, int precision) {

    /** Every sandbox account is in euros. */
    public static final Currency EUR = new Currency("EUR", "Euro", "€", 2);

    private static final List<Currency> KNOWN = List.of(EUR, new Currency("USD", "US Dollar", "$", 2),
            new Currency("GBP", "Pound Sterling", "£", 2), new Currency("CHF", "Swiss Franc", "CHF", 2));

    /** The currency object of a code, for the currencies of operations abroad. */
    public static Currency of(String code) {
        return KNOWN.stream()
                .filter(currency -> currency.id().equals(code))
                .findFirst()
                .orElseGet(() -> new Currency(code, code, code, 2));
    }
}
