package com.firesync.ledger;

import com.firesync.provider.ProviderAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps a connection's accounts the same FireSync accounts when the provider's account ids change while the accounts
 * do not: Enable Banking gives every session (so every renewed consent) new account uids. An account listed under an
 * id the connection does not know takes over the stored account with the same identity ({@code identification_hash})
 * or, without one, the same IBAN, provided that stored account is missing from the listing; its id is updated there,
 * so its transactions, keyed by the FireSync account, are neither lost nor duplicated. An ambiguous match takes over
 * nothing: the account is then added as a new one.
 */
final class AccountIdentities {

    private final JdbcClient jdbc;

    AccountIdentities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves the stored accounts that the listing names under new ids to those ids. */
    void relink(long connectionId, List<ProviderAccount> listed) {
        Set<String> ids = listed.stream().map(ProviderAccount::id).collect(Collectors.toSet());
        List<Stored> stored = jdbc.sql("SELECT id, provider_account_id, provider_identity, iban FROM accounts"
                + " WHERE connection_id = :c")
                .param("c", connectionId)
                .query((rs, row) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        if (stored.stream().allMatch(account -> ids.contains(account.providerId()))) {
            return;
        }
        Set<String> known = stored.stream().map(Stored::providerId).collect(Collectors.toSet());
        List<Stored> missing = new ArrayList<>(stored.stream().filter(a -> !ids.contains(a.providerId())).toList());
        for (ProviderAccount account : listed) {
            if (known.contains(account.id())) {
                continue;
            }
            List<Stored> same = missing.stream().filter(candidate -> candidate.isSame(account)).toList();
            if (same.size() == 1) {
                missing.remove(same.getFirst());
                jdbc.sql("UPDATE accounts SET provider_account_id = :ref WHERE id = :id")
                        .param("ref", account.id())
                        .param("id", same.getFirst().id())
                        .update();
            }
        }
    }

    /** Records the identities the listing tells, where they are not stored yet. */
    void remember(long connectionId, List<ProviderAccount> listed) {
        for (ProviderAccount account : listed) {
            if (account.identity() != null) {
                jdbc.sql("""
                        UPDATE accounts SET provider_identity = :identity
                        WHERE connection_id = :c AND provider_account_id = :ref
                          AND (provider_identity IS NULL OR provider_identity <> :identity)""")
                        .param("identity", account.identity())
                        .param("c", connectionId)
                        .param("ref", account.id())
                        .update();
            }
        }
    }

    private record Stored(long id, String providerId, @Nullable String identity, @Nullable String iban) {

        boolean isSame(ProviderAccount account) {
            if (identity != null && account.identity() != null) {
                return identity.equals(account.identity());
            }
            return iban != null && account.iban() != null && normalized(iban).equals(normalized(account.iban()));
        }

        private static String normalized(String iban) {
            return iban.replace(" ", "").toUpperCase(Locale.ROOT);
        }
    }
}
