package com.firesync.connection;

import com.firesync.provider.BankingProvider;
import com.firesync.provider.ProviderToken;
import com.firesync.provider.ProviderUser;
import com.firesync.security.SecretCipher;
import com.firesync.shared.DbTime;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each FireSync user's identity at the provider and its access token, encrypted at rest. The token is decrypted only
 * to call the provider.
 */
@Repository
public class ProviderIdentities {

    static final String ACCESS_TOKEN = "access_token";

    private final JdbcClient jdbc;

    private final SecretCipher cipher;

    private final BankingProvider provider;

    private final Clock clock;

    ProviderIdentities(JdbcClient jdbc, SecretCipher cipher, BankingProvider provider, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.provider = provider;
        this.clock = clock;
    }

    /**
     * The user's provider identity, created at the provider on first use. The user's row stays locked while the
     * provider user is created, so concurrent first uses create one provider user, and the creation is never retried:
     * a failed attempt stores nothing.
     */
    @Transactional
    Identity obtain(long userId) {
        jdbc.sql("SELECT id FROM users WHERE id = :user FOR UPDATE").param("user", userId).query(Long.class).single();
        return find(userId).orElseGet(() -> create(userId, provider.createUser()));
    }

    Optional<Identity> find(long userId) {
        return jdbc.sql("""
                SELECT p.id, c.secret_ciphertext FROM provider_users p
                JOIN provider_credentials c ON c.provider_user_id = p.id AND c.kind = :kind AND c.revoked_at IS NULL
                WHERE p.user_id = :user AND p.provider = :provider
                ORDER BY c.issued_at DESC, c.id DESC LIMIT 1""")
                .param("kind", ACCESS_TOKEN)
                .param("user", userId)
                .param("provider", provider.name())
                .query((rs, row) -> {
                    long id = rs.getLong("id");
                    return new Identity(id,
                            new ProviderToken(cipher.decrypt(rs.getBytes("secret_ciphertext"), context(id))));
                })
                .optional();
    }

    /**
     * The token of the provider identity a connection was made with.
     */
    public ProviderToken tokenOfConnection(long connectionId) {
        long userId = jdbc.sql("SELECT user_id FROM connections WHERE id = :id")
                .param("id", connectionId)
                .query(Long.class)
                .single();
        return find(userId).orElseThrow(() -> new IllegalStateException("Connection " + connectionId
                + " has no provider credential")).token();
    }

    /**
     * The token of the user's provider identity, if they have one.
     */
    public Optional<ProviderToken> tokenOfUser(long userId) {
        return find(userId).map(Identity::token);
    }

    private Identity create(long userId, ProviderUser created) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO provider_users (user_id, provider, provider_user_id, created_at)
                VALUES (:user, :provider, :ref, :now)""")
                .param("user", userId)
                .param("provider", provider.name())
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
     * A provider identity: its row id and its token.
     */
    record Identity(long id, ProviderToken token) {
    }
}
