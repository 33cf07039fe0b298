package com.firesync.provider;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A bank account as the provider sees it, disabled and deleted ones included.
 *
 * @param id the provider's account id, kept as text
 * @param connectionId the provider's id of the connection the account belongs to
 * @param name the display name (user-editable at the provider)
 * @param originalName the name the bank gives the account, if known
 * @param type the account type in Powens' vocabulary ({@code checking}, {@code savings}, {@code card},
 *        {@code loan}, {@code livret_a}...), which the ledger and the figures read: Powens' code exactly as sent,
 *        another provider's mapped onto it by its adapter; unknown codes are kept
 * @param number the account number, if known
 * @param iban the IBAN, if known
 * @param currency the ISO 4217 currency code, if the provider sent one
 * @param balance the balance in {@code currency}, exactly as sent
 * @param coming the sum of pending operations, exactly as sent
 * @param disabled when the account was disabled (not consented or switched off: no transactions are synced)
 * @param deleted when the provider stopped finding the account at the bank
 * @param lastUpdate the account's last successful refresh
 * @param providerLastUpdate {@code lastUpdate} as the provider's naive wall-clock value, for storage as sent
 */
public record ProviderAccount(String id, String connectionId, String name, @Nullable String originalName,
        @Nullable String type, @Nullable String number, @Nullable String iban, @Nullable String currency,
        @Nullable BigDecimal balance, @Nullable BigDecimal coming, @Nullable Instant disabled,
        @Nullable Instant deleted, @Nullable Instant lastUpdate, @Nullable LocalDateTime providerLastUpdate) {
}
