package com.firesync.sandbox.world;

/**
 * What an operation made in another currency (a card payment abroad) cost in that currency, as Powens reports it in
 * {@code original_value} and {@code original_currency} beside the amount in the account's currency.
 *
 * @param currency the ISO code of the other currency
 * @param cents the signed amount in that currency, in its hundredths
 */
public record OriginalAmount(String currency, long cents) {
}
