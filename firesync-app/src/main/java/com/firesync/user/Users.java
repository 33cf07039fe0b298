package com.firesync.user;

import com.firesync.shared.Caller;
import com.firesync.shared.DbTime;
import com.firesync.shared.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Users and their API tokens in the database.
 */
@Repository
class Users {

    private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;

    private final Clock clock;

    Users(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long insert(String name, Role role) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO users (name, role, created_at) VALUES (:name, :role, :now)")
                .param("name", name)
                .param("role", role.name())
                .param("now", DbTime.param(clock.instant()))
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKeyAs(Long.class));
    }

    long insertToken(long userId, String token) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO api_tokens (user_id, token_hash, prefix, created_at)
                VALUES (:user, :hash, :prefix, :now)""")
                .param("user", userId)
                .param("hash", ApiTokenFormat.hash(token))
                .param("prefix", ApiTokenFormat.shownPart(token))
                .param("now", DbTime.param(clock.instant()))
                .update(keys, "id");
        return Objects.requireNonNull(keys.getKeyAs(Long.class));
    }

    Optional<TokenOwner> findByTokenHash(String hash) {
        return jdbc.sql("""
                SELECT t.id AS token_id, t.token_hash, u.id, u.name, u.role
                FROM api_tokens t JOIN users u ON u.id = t.user_id
                WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND u.erasing_since IS NULL""")
                .param("hash", hash)
                .query((rs, row) -> new TokenOwner(rs.getLong("token_id"), rs.getString("token_hash"),
                        new Caller(rs.getLong("id"), rs.getString("name"), Role.valueOf(rs.getString("role")))))
                .optional();
    }

    /**
     * Records a token's use, at most once a minute so that authenticating stays a read in the common case.
     */
    void touch(long tokenId) {
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE api_tokens SET last_used_at = :now
                WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :stale)""")
                .param("id", tokenId)
                .param("now", DbTime.param(now))
                .param("stale", DbTime.param(now.minus(USE_RESOLUTION)))
                .update();
    }

    /** Users not being erased, oldest first, at most {@code limit}. */
    List<UserSummary> list(int limit) {
        return jdbc.sql(
                "SELECT id, name, role, created_at FROM users WHERE erasing_since IS NULL ORDER BY id LIMIT :limit")
                .param("limit", limit)
                .query((rs, row) -> new UserSummary(rs.getLong("id"), rs.getString("name"),
                        Role.valueOf(rs.getString("role")), Objects.requireNonNull(DbTime.read(rs, "created_at"))))
                .list();
    }

    List<ApiToken> tokensOf(long userId) {
        return jdbc.sql("""
                SELECT id, prefix, created_at, last_used_at, revoked_at FROM api_tokens
                WHERE user_id = :user ORDER BY id""")
                .param("user", userId)
                .query((rs, row) -> new ApiToken(rs.getLong("id"), rs.getString("prefix"),
                        Objects.requireNonNull(DbTime.read(rs, "created_at")), DbTime.read(rs, "last_used_at"),
                        DbTime.read(rs, "revoked_at") != null))
                .list();
    }

    /**
     * Revokes one of a user's tokens; {@code false} when the user holds no such token.
     */
    boolean revoke(long userId, long tokenId) {
        int owned = jdbc.sql("SELECT COUNT(*) FROM api_tokens WHERE id = :id AND user_id = :user")
                .param("id", tokenId)
                .param("user", userId)
                .query(Integer.class)
                .single();
        jdbc.sql("UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND user_id = :user AND revoked_at IS NULL")
                .param("id", tokenId)
                .param("user", userId)
                .param("now", DbTime.param(clock.instant()))
                .update();
        return owned == 1;
    }

    boolean exists(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE id = :id AND erasing_since IS NULL").param("id", userId)
                .query(Integer.class).single() == 1;
    }

    /**
     * Marks a user as being erased, unless they already are or are an admin; answers their role, or nothing when
     * there is no such user (or their erasure already started). The row is locked until the transaction ends.
     */
    Optional<Role> markErasing(long userId) {
        Optional<Role> role = jdbc.sql("SELECT role FROM users WHERE id = :id AND erasing_since IS NULL FOR UPDATE")
                .param("id", userId)
                .query((rs, row) -> Role.valueOf(rs.getString("role")))
                .optional();
        role.filter(found -> found == Role.USER).ifPresent(found -> jdbc.sql(
                "UPDATE users SET erasing_since = :now WHERE id = :id")
                .param("now", DbTime.param(clock.instant()))
                .param("id", userId)
                .update());
        return role;
    }

    /**
     * Revokes every live token of a user.
     */
    void revokeAll(long userId) {
        jdbc.sql("UPDATE api_tokens SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
                .param("user", userId)
                .param("now", DbTime.param(clock.instant()))
                .update();
    }

    /**
     * Claims a one-time flag; exactly one caller across all instances gets {@code true}.
     */
    boolean claimFlag(String name) {
        return jdbc.sql("INSERT INTO app_flags (name, set_at) VALUES (:name, :now) ON CONFLICT DO NOTHING")
                .param("name", name)
                .param("now", DbTime.param(clock.instant()))
                .update() == 1;
    }

    /**
     * A valid token's id, stored hash and owner.
     */
    record TokenOwner(long tokenId, String tokenHash, Caller caller) {
    }
}
