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
 * @param identity the account's identity at the provider when {@code id} lasts only as long as one authorisation
 *        (Enable Banking's {@code identification_hash}): a renewed consent's accounts are matched by it
 */
public record ProviderAccount(String id, String connectionId, String name, @Nullable String originalName,
        @Nullable String type, @Nullable String number, @Nullable String iban, @Nullable String currency,
        @Nullable BigDecimal balance, @Nullable BigDecimal coming, @Nullable Instant disabled,
        @Nullable Instant deleted, @Nullable Instant lastUpdate, @Nullable LocalDateTime providerLastUpdate,
        @Nullable String identity) {

    /** An account whose id lasts as long as the account (Powens). */
    public ProviderAccount(String id, String connectionId, String name, @Nullable String originalName,
            @Nullable String type, @Nullable String number, @Nullable String iban, @Nullable String currency,
            @Nullable BigDecimal balance, @Nullable BigDecimal coming, @Nullable Instant disabled,
            @Nullable Instant deleted, @Nullable Instant lastUpdate, @Nullable LocalDateTime providerLastUpdate) {
        this(id, connectionId, name, originalName, type, number, iban, currency, balance, coming, disabled, deleted,
                lastUpdate, providerLastUpdate, null);
    }
}
