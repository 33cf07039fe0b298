package com.firesync.sandbox.world;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A connection's net worth at the end of one day, in euro cents: what its accounts hold less what it owes.
 *
 * @param day the day
 * @param assetsCents the sum of the balances of checking, savings and investment accounts (valuations)
 * @param liabilitiesCents what is owed, as a positive amount: minus the balances of the loan and the card
 * @param netWorthCents assets less liabilities
 * @param byKind the summed balance of each account kind held
 */
public record NetWorth(LocalDate day, long assetsCents, long liabilitiesCents, long netWorthCents,
        Map<AccountKind, Long> byKind) {

    static NetWorth of(LocalDate day, Map<AccountKind, Long> byKind) {
        long assets = 0;
        long liabilities = 0;
        for (var entry : byKind.entrySet()) {
            if (entry.getKey().liability()) {
                liabilities -= entry.getValue();
            } else {
                assets += entry.getValue();
            }
        }
        return new NetWorth(day, assets, liabilities, assets - liabilities,
                Collections.unmodifiableMap(new EnumMap<>(byKind)));
    }
}
