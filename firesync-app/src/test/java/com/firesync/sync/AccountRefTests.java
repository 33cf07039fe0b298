package com.firesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.provider.ProviderAccount;
import com.firesync.sync.TransactionPull.AccountRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The accounts a listing writes to, as syncs and webhooks build them.
 */
class AccountRefTests {

    static final Instant GONE = Instant.parse("2026-01-05T08:00:00Z");

    @Test
    void listsOnlyAccountsTheProviderStillServesAndKeepsTheirCurrencyAsSent() {
        var accounts = List.of(account("a", "EUR", null, null), account("b", null, GONE, null),
                account("c", "USD", null, GONE));

        assertThat(AccountRef.byProviderId(accounts, Map.of("a", 1L, "b", 2L, "c", 3L))).isEqualTo(Map.of(
                "a", new AccountRef(1, "EUR", true), "b", new AccountRef(2, null, false),
                "c", new AccountRef(3, "USD", false)));
    }

    private static ProviderAccount account(String id, @Nullable String currency, @Nullable Instant disabled,
            @Nullable Instant deleted) {
        return new ProviderAccount(id, "c1", "Account " + id, null, null, null, null, currency, null, null, disabled,
                deleted, null, null);
    }
}
