package com.firesync.connection;

import com.firesync.provider.BankingProvider;
import com.firesync.provider.BankingProviders;
import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderToken;
import com.firesync.security.SecretCipher;
import com.firesync.shared.DbTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Replaces provider credentials before they expire or grow old, with no moment where neither works: a new token is
 * issued ({@code /auth/renew} without revoking), stored encrypted (syncs pick the newest unrevoked one from then on),
 * and only then is the old one revoked at the provider and marked revoked. Credentials with an expiry are refreshed
 * within a margin of it; Powens user tokens never expire, so they are rotated by age only.
 */
@Service
public class TokenRotation {

    private static final Logger log = LoggerFactory.getLogger(TokenRotation.class);

    private final JdbcClient jdbc;

    private final SecretCipher cipher;

    private final BankingProvider provider;

    private final Clock clock;

    TokenRotation(JdbcClient jdbc, SecretCipher cipher, BankingProviders providers, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        // only Powens' user tokens are permanent and rotated; other providers' access is per connection
        this.provider = providers.get(BankingProviders.POWENS);
        this.clock = clock;
    }

    /**
     * Rotates every live credential that expires within {@code margin} or was issued before {@code issuedBefore}.
     */
    public Result rotate(Duration margin, Instant issuedBefore) {
        Instant now = clock.instant();
        List<Credential> due = jdbc.sql("""
                SELECT c.id, c.provider_user_id, p.provider_user_id AS ref, c.secret_ciphertext
                FROM provider_credentials c JOIN provider_users p ON p.id = c.provider_user_id
                WHERE c.kind = :kind AND c.revoked_at IS NULL AND p.provider = :provider
                  AND ((c.expires_at IS NOT NULL AND c.expires_at < :expiring) OR c.issued_at < :old)
                  -- an erasure holds the token to delete the provider user: a rotation must not revoke it meanwhile
                  AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = p.user_id AND u.erasing_since IS NOT NULL)
                ORDER BY c.id""")
                .param("kind", ProviderIdentities.ACCESS_TOKEN)
                .param("provider", provider.name())
                .param("expiring", DbTime.param(now.plus(margin)))
                .param("old", DbTime.param(issuedBefore))
                .query((rs, row) -> new Credential(rs.getLong("id"), rs.getLong("provider_user_id"),
                        rs.getString("ref"), rs.getBytes("secret_ciphertext")))
                .list();
        int rotated = 0;
        for (Credential credential : due) {
            if (rotate(credential)) {
                rotated++;
            }
        }
        return new Result(due.size(), rotated);
    }

    private boolean rotate(Credential old) {
        String context = ProviderIdentities.context(old.owner());
        ProviderToken renewed;
        try {
            renewed = provider.renewToken(old.ref(), false);
        } catch (ProviderException e) {
            log.warn("Token of provider identity {} not renewed: {}", old.owner(), e.failure().code());
            return false;
        }
        store(old.owner(), renewed);
        revoke(old, cipher.decrypt(old.ciphertext(), context));
        return true;
    }

    /**
     * Replaces a token the provider refuses (revoked at the provider, not by FireSync): a new one for the same
     * provider user, whose connections and data stay, is stored first, and only then are the refused ones retired, so
     * that the user never has no token (which would make a new provider user).
     *
     * @param identity the provider identity ({@code provider_users.id})
     * @throws com.firesync.provider.ProviderException when the provider does not renew it
     */
    ProviderToken replaceRefused(long identity) {
        String ref = jdbc.sql("SELECT provider_user_id FROM provider_users WHERE id = :id")
                .param("id", identity)
                .query(String.class)
                .single();
        ProviderToken renewed = provider.renewToken(ref, true);
        long stored = store(identity, renewed);
        jdbc.sql("""
                UPDATE provider_credentials SET revoked_at = :now
                WHERE provider_user_id = :owner AND kind = :kind AND revoked_at IS NULL AND id <> :stored""")
                .param("now", DbTime.param(clock.instant()))
                .param("owner", identity)
                .param("kind", ProviderIdentities.ACCESS_TOKEN)
                .param("stored", stored)
                .update();
        log.info("Replaced the token the provider refused for provider identity {}", identity);
        return renewed;
    }

    private long store(long owner, ProviderToken token) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO provider_credentials (provider_user_id, kind, secret_ciphertext, issued_at)
                VALUES (:owner, :kind, :secret, :now)""")
                .param("owner", owner)
                .param("kind", ProviderIdentities.ACCESS_TOKEN)
                .param("secret", cipher.encrypt(token.value(), ProviderIdentities.context(owner)))
                .param("now", DbTime.param(clock.instant()))
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKeyAs(Long.class));
    }

    private void revoke(Credential old, @Nullable String token) {
        try {
            if (token != null) {
                provider.revokeToken(new ProviderToken(token));
            }
        } catch (ProviderException e) {
            // the new token is stored and used from now on; the old one is retired here either way
            log.warn("Old token of provider identity {} not revoked at the provider: {}", old.owner(),
                    e.failure().code());
        }
        jdbc.sql("UPDATE provider_credentials SET revoked_at = :now WHERE id = :id")
                .param("now", DbTime.param(clock.instant()))
                .param("id", old.id())
                .update();
    }

    /**
     * What a rotation did.
     *
     * @param due credentials that were due
     * @param rotated credentials replaced
     */
    public record Result(int due, int rotated) {
    }

    private record Credential(long id, long owner, String ref, byte[] ciphertext) {
    }
}
