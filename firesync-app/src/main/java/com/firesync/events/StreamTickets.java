package com.firesync.events;

import com.firesync.shared.DbTime;
import com.firesync.shared.Sha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use tickets that open a WebSocket stream for a browser, which cannot send a bearer header there. Stored
 * hashed, valid {@code ticketTtl}, redeemed at most once on any instance.
 */
@Repository
public class StreamTickets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    private final EventSettings settings;

    private final Clock clock;

    StreamTickets(JdbcClient jdbc, EventSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Issues a ticket for the caller, bound to the token that asked (its streams count against that token).
     */
    @Transactional
    public Issued issue(long userId, boolean admin, String tokenKey) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String ticket = "wst_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(settings.ticketTtl());
        jdbc.sql("DELETE FROM event_tickets WHERE expires_at < :now").param("now", DbTime.param(now)).update();
        jdbc.sql("""
                INSERT INTO event_tickets (ticket_hash, user_id, admin, token_key, expires_at)
                VALUES (:hash, :user, :admin, :token, :expires)""")
                .param("hash", Sha256.hex(ticket))
                .param("user", userId)
                .param("admin", admin)
                .param("token", tokenKey)
                .param("expires", DbTime.param(expires))
                .update();
        return new Issued(ticket, expires);
    }

    /**
     * Redeems a ticket: its holder, or nothing when it is unknown, expired or used already.
     */
    @Transactional
    public Optional<Holder> redeem(String ticket) {
        if (ticket.length() > 100) {
            return Optional.empty();
        }
        String hash = Sha256.hex(ticket);
        Instant now = clock.instant();
        int used = jdbc.sql("""
                UPDATE event_tickets SET used_at = :now
                WHERE ticket_hash = :hash AND used_at IS NULL AND expires_at > :now""")
                .param("now", DbTime.param(now))
                .param("hash", hash)
                .update();
        if (used == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT user_id, admin, token_key FROM event_tickets WHERE ticket_hash = :hash")
                .param("hash", hash)
                .query((rs, row) -> new Holder(rs.getLong(1), rs.getBoolean(2), rs.getString(3)))
                .optional();
    }

    /**
     * A ticket just issued.
     *
     * @param ticket the ticket, shown once
     * @param expiresAt when it stops being usable
     */
    public record Issued(String ticket, Instant expiresAt) {
    }

    /**
     * Whom a redeemed ticket was issued to.
     *
     * @param userId the user
     * @param admin whether the user was an admin when it was issued
     * @param tokenKey the hash of the token that asked for it
     */
    public record Holder(long userId, boolean admin, String tokenKey) {
    }
}
