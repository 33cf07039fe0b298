package com.firesync.user;

import com.firesync.shared.Caller;
import com.firesync.shared.DbTime;
import com.firesync.shared.Role;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Users and their API tokens in the database.
 */
@Repository
class Users {

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
        return keys.getKeyAs(Long.class);
    }

    void insertToken(long userId, String token) {
        jdbc.sql("""
                INSERT INTO api_tokens (user_id, token_hash, prefix, created_at)
                VALUES (:user, :hash, :prefix, :now)""")
                .param("user", userId)
                .param("hash", ApiTokenFormat.hash(token))
                .param("prefix", ApiTokenFormat.shownPart(token))
                .param("now", DbTime.param(clock.instant()))
                .update();
    }

    Optional<Caller> findByTokenHash(String hash) {
        return jdbc.sql("""
                SELECT u.id, u.name, u.role FROM api_tokens t JOIN users u ON u.id = t.user_id
                WHERE t.token_hash = :hash AND t.revoked_at IS NULL""")
                .param("hash", hash)
                .query((rs, row) -> new Caller(rs.getLong("id"), rs.getString("name"),
                        Role.valueOf(rs.getString("role"))))
                .optional();
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
}
