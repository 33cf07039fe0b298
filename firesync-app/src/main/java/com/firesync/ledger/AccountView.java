package com.firesync.ledger;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An account as the API shows it.
 *
 * @param id FireSync's account id
 * @param connectionId the connection the account came through
 * @param bank the bank's name
 * @param name the account's name
 * @param type the provider's account type ({@code checking}, {@code savings}, ...), as sent
 * @param currency ISO currency code
 * @param balance the latest balance, {@code null} when the bank gives none
 * @param coming the sum of pending operations, when known
 * @param lastUpdate when FireSync last stored a change to the account
 * @param disabled whether the account is disabled at the provider (not synced)
 * @param archived whether its connection was deleted with its history kept: the account is no longer synced
 */
public record AccountView(long id, long connectionId, String bank, String name, @Nullable String type,
        String currency, @Nullable BigDecimal balance, @Nullable BigDecimal coming, Instant lastUpdate,
        boolean disabled, boolean archived) {
}
