package com.firesync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.provider.ProviderAccount;
import com.firesync.shared.Role;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.LedgerRows;
import com.firesync.user.UserAccounts;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A renewed consent lists the same accounts under new provider ids (Enable Banking's uids): the ledger keeps them
 * the same accounts, matched by the provider's account identity or else by IBAN, on a real database.
 */
@FireSyncTest
class AccountIdentitiesTests {

    @Autowired
    LedgerWriter writer;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    long userId;

    long connectionId;

    @BeforeEach
    void seed() {
        userId = users.create("alice", Role.USER).id();
        connectionId = new LedgerRows(jdbc).connection(userId, "Demo Bank");
    }

    @Test
    void keepsTheAccountsWhoseIdsChangedByIdentityOrIban() {
        Map<String, Long> first = writer.writeAccounts(connectionId, userId, List.of(
                account("uid-1", "FR76 0001", "hash-1"), account("uid-2", null, "hash-2"),
                account("uid-3", "FR760003", null)));

        Map<String, Long> renewed = writer.writeAccounts(connectionId, userId, List.of(
                account("uid-4", "FR760001", "hash-1"), account("uid-5", null, "hash-2"),
                account("uid-6", "fr76 0003", null), account("uid-7", "FR760007", "hash-7")));

        assertThat(renewed.get("uid-4")).isEqualTo(first.get("uid-1"));
        assertThat(renewed.get("uid-5")).isEqualTo(first.get("uid-2"));
        assertThat(renewed.get("uid-6")).isEqualTo(first.get("uid-3"));
        assertThat(renewed.get("uid-7")).isNotIn(first.values());
        assertThat(jdbc.sql("SELECT provider_account_id FROM accounts ORDER BY id").query(String.class).list())
                .containsExactly("uid-4", "uid-5", "uid-6", "uid-7");
        assertThat(jdbc.sql("SELECT provider_identity FROM accounts WHERE provider_account_id = 'uid-7'")
                .query(String.class).single()).isEqualTo("hash-7");
    }

    @Test
    void takesOverNothingOnAnAmbiguousMatchOrWhileTheOldIdIsStillListed() {
        Map<String, Long> first = writer.writeAccounts(connectionId, userId, List.of(
                account("a", "FR760001", null), account("b", "FR760001", null), account("c", "FR760003", null)));

        Map<String, Long> next = writer.writeAccounts(connectionId, userId, List.of(
                account("d", "FR760001", null), account("c", "FR760003", null), account("e", "FR760003", null)));

        assertThat(next.get("d")).isNotIn(first.values());
        assertThat(next.get("c")).isEqualTo(first.get("c"));
        assertThat(next.get("e")).isNotIn(first.values());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single()).isEqualTo(5);
    }

    private static ProviderAccount account(String uid, @Nullable String iban, @Nullable String identity) {
        return new ProviderAccount(uid, "session", "Account " + uid, null, "checking", null, iban, "EUR",
                new BigDecimal("10.00"), null, null, null, null, null, identity);
    }
}
