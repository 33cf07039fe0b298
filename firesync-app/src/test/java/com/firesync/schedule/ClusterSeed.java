package com.firesync.schedule;

import com.firesync.sandbox.auth.Tokens;
import com.firesync.sandbox.world.Bank;
import com.firesync.sandbox.world.SandboxConnection;
import com.firesync.sandbox.world.SandboxUser;
import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.sandbox.world.Scenario;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Seeds FireSync's tables with sandbox connections directly (users, provider identities with their tokens encrypted
 * under a keyset the test hands to every instance, connections never synced), much faster than the webview.
 */
final class ClusterSeed {

    private final KeysetHandle keyset;

    private final Aead aead;

    ClusterSeed() {
        try {
            AeadConfig.register();
            keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keyset as {@code FIRESYNC_ENCRYPTION_KEY} takes it. */
    String keysetJson() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Links one Demo Bank connection per new sandbox user. */
    void connections(Connection db, SandboxWorld world, Tokens tokens, int count) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        db.setAutoCommit(false);
        for (int i = 0; i < count; i++) {
            SandboxUser user = world.createUser();
            String token = tokens.issue(user, false);
            SandboxConnection connection = world.connect(user, Bank.DEMO, Scenario.NONE);
            long userId = insert(db, "INSERT INTO users (name, role, created_at) VALUES (?, 'USER', ?)",
                    "user" + i, now);
            long identity = insert(db, "INSERT INTO provider_users (user_id, provider, provider_user_id, created_at)"
                    + " VALUES (?, 'powens', ?, ?)", userId, Long.toString(user.id()), now);
            insert(db, "INSERT INTO provider_credentials (provider_user_id, kind, secret_ciphertext, issued_at)"
                    + " VALUES (?, 'access_token', ?, ?)", identity,
                    aead.encrypt(token.getBytes(StandardCharsets.UTF_8),
                            ("provider_users:" + identity + ":access_token").getBytes(StandardCharsets.UTF_8)),
                    now);
            insert(db, """
                    INSERT INTO connections (user_id, provider_user_id, provider, provider_connection_id, bank_name,
                                             state, created_at, updated_at)
                    VALUES (?, ?, 'powens', ?, 'Demo Bank', 'active', ?, ?)""", userId, identity,
                    Long.toString(connection.id()), now, now);
        }
        db.commit();
        db.setAutoCommit(true);
    }

    private static long insert(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql, new String[]{"id"})) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
            try (var keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
