package com.firesync.connection;

import com.firesync.shared.DbTime;
import com.firesync.shared.Role;
import com.firesync.user.UserAccounts;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Connections written straight into the database, for tests of the connection's own rules. */
final class TestConnections {

    private TestConnections() {
    }

    /** A new user with one active Demo Bank connection; answers the connection's id. */
    static long linked(UserAccounts users, ProviderIdentities identities, JdbcClient jdbc, String name,
            String providerConnectionId, Instant now) {
        long user = users.create(name, Role.USER).id();
        long providerUser = identities.obtain(user, "powens").id();
        jdbc.sql("""
                INSERT INTO connections (user_id, provider_user_id, provider, provider_connection_id, bank_name, state,
                                         created_at, updated_at)
                VALUES (:user, :providerUser, 'powens', :providerId, 'Demo Bank', 'active', :now, :now)""")
                .param("user", user)
                .param("providerUser", providerUser)
                .param("providerId", providerConnectionId)
                .param("now", DbTime.param(now))
                .update();
        return jdbc.sql("SELECT id FROM connections WHERE user_id = :user").param("user", user)
                .query(Long.class)
                .single();
    }
}
