package com.firesync.connection;

import com.firesync.provider.BankingProviders;
import com.firesync.provider.ProviderToken;
import com.firesync.provider.ProviderUser;
import com.firesync.security.SecretCipher;
import com.firesync.shared.DbTime;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each FireSync user's identity at each provider and its access token, and the access of connections that have one
 * of their own (an Enable Banking session), all encrypted at rest. A secret is decrypted only to call the provider.
 */
@Repository
public class ProviderIdentities {

    static final String ACCESS_TOKEN = "access_token";

    private final JdbcClient jdbc;

    private final SecretCipher cipher;

    private final BankingProviders providers;

    private final Clock clock;

    private final TransactionTemplate transactions;

    /**
     * Creations under way at once: each holds a pooled database connection while it calls the provider, and that call
     * takes a connection of the same pool for the provider budget shared on PostgreSQL; at most half the pool, so that
     * creations never hold every connection while waiting for one.
     */
    private final Semaphore creations;

    ProviderIdentities(JdbcClient jdbc, SecretCipher cipher, BankingProviders providers, Clock clock,
            TransactionTemplate transactions, DataSource dataSource) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.providers = providers;
        this.clock = clock;
        this.transactions = transactions;
        this.creations = new Semaphore(Math.max(1, poolSize(dataSource) / 2), true);
    }

    /** The pool's size as configured, however it was set; Hikari's default (10) when it does not say. */
    private static int poolSize(DataSource dataSource) {
        try {
            int size = dataSource.isWrapperFor(HikariDataSource.class)
                    ? dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize()
                    : 0;
            return size > 0 ? size : 10;
        } catch (SQLException e) {
            return 10;
        }
    }

    /**
     * The user's provider identity, created at the provider on first use. The user's row stays locked while the
     * provider user is created, so concurrent first uses create one provider user, and the creation is never retried:
     * a failed attempt stores nothing.
     */
    Identity obtain(long userId, String provider) {
        Optional<Identity> known = find(userId, provider);
        if (known.isPresent()) {
            return known.get();
        }
        creations.acquireUninterruptibly();
        try {
            return Objects.requireNonNull(transactions.execute(status -> {
                jdbc.sql("SELECT id FROM users WHERE id = :user FOR UPDATE").param("user", userId).query(Long.class)
                        .single();
                return find(userId, provider)
                        .orElseGet(() -> create(userId, provider, providers.get(provider).createUser()));
            }));
        } finally {
            creations.release();
        }
    }

    Optional<Identity> find(long userId, String provider) {
        return jdbc.sql("""
                SELECT p.id, c.secret_ciphertext FROM provider_users p
                JOIN provider_credentials c ON c.provider_user_id = p.id AND c.kind = :kind AND c.revoked_at IS NULL
                WHERE p.user_id = :user AND p.provider = :provider
                ORDER BY c.issued_at DESC, c.id DESC LIMIT 1""")
                .param("kind", ACCESS_TOKEN)
                .param("user", userId)
                .param("provider", provider)
                .query((rs, row) -> {
                    long id = rs.getLong("id");
                    return new Identity(id,
                            new ProviderToken(cipher.decrypt(rs.getBytes("secret_ciphertext"), context(id))));
                })
                .optional();
    }

    /**
     * What reads a connection at its provider: its own access when it has one (an Enable Banking session), else the
     * token of the provider identity it was made with.
     */
    public ProviderToken tokenOfConnection(long connectionId) {
        return accessOfConnection(connectionId).orElseThrow(() -> new IllegalStateException("Connection "
                + connectionId + " has no provider credential")).token();
    }

    /**
     * A connection's provider and what reads it there, if FireSync still holds it.
     */
    public Optional<ConnectionAccess> accessOfConnection(long connectionId) {
        return jdbc.sql("SELECT user_id, provider, access_ciphertext FROM connections WHERE id = :id")
                .param("id", connectionId)
                .query((rs, row) -> access(connectionId, rs.getLong("user_id"), rs.getString("provider"),
                        rs.getBytes("access_ciphertext")))
                .optional()
                .flatMap(found -> found);
    }

    /**
     * {@link #tokenOfConnection} from the connection's columns already read ({@code user_id}, {@code provider},
     * {@code access_ciphertext}), by a caller reading its row anyway.
     */
    ProviderToken tokenOfConnection(long connectionId, long userId, String provider, byte @Nullable [] access) {
        return access(connectionId, userId, provider, access).orElseThrow(() -> new IllegalStateException(
                "Connection " + connectionId + " has no provider credential")).token();
    }

    private Optional<ConnectionAccess> access(long connectionId, long userId, String provider,
            byte @Nullable [] access) {
        if (access != null) {
            return Optional.of(new ConnectionAccess(provider,
                    new ProviderToken(cipher.decrypt(access, accessContext(connectionId))), true));
        }
        return find(userId, provider).map(identity -> new ConnectionAccess(provider, identity.token(), false));
    }

    /**
     * Stores a connection's own access, encrypted and bound to the connection.
     */
    void storeAccess(long connectionId, ProviderToken access) {
        jdbc.sql("UPDATE connections SET access_ciphertext = :secret WHERE id = :id")
                .param("secret", cipher.encrypt(access.value(), accessContext(connectionId)))
                .param("id", connectionId)
                .update();
    }

    /**
     * The token of the user's identity at a provider, if they have one.
     */
    public Optional<ProviderToken> tokenOfUser(long userId, String provider) {
        return find(userId, provider).map(Identity::token);
    }

    private Identity create(long userId, String provider, ProviderUser created) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO provider_users (user_id, provider, provider_user_id, created_at)
                VALUES (:user, :provider, :ref, :now)""")
                .param("user", userId)
                .param("provider", provider)
                .param("ref", created.id())
                .param("now", DbTime.param(clock.instant()))
                .update(keys, "id");
        long id = Objects.requireNonNull(keys.getKeyAs(Long.class));
        jdbc.sql("""
                INSERT INTO provider_credentials (provider_user_id, kind, secret_ciphertext, issued_at)
                VALUES (:owner, :kind, :secret, :now)""")
                .param("owner", id)
                .param("kind", ACCESS_TOKEN)
                .param("secret", cipher.encrypt(created.token().value(), context(id)))
                .param("now", DbTime.param(clock.instant()))
                .update();
        return new Identity(id, created.token());
    }

    /**
     * Binds a ciphertext to its provider identity: copied onto another identity's row it does not decrypt.
     */
    static String context(long providerUserId) {
        return "provider_users:" + providerUserId + ":" + ACCESS_TOKEN;
    }

    /**
     * Binds a connection's own access to its row: copied onto another connection it does not decrypt.
     */
    static String accessContext(long connectionId) {
        return "connections:" + connectionId + ":access";
    }

    /**
     * A connection's provider and what reads it there.
     *
     * @param provider the provider's name
     * @param token the connection's own access, or its provider identity's token
     * @param own whether the token is the connection's own access
     */
    public record ConnectionAccess(String provider, ProviderToken token, boolean own) {
    }

    /**
     * A provider identity: its row id and its token.
     */
    record Identity(long id, ProviderToken token) {
    }
}
