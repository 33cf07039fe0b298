package com.firesync.sync;

import com.firesync.shared.DbTime;
import com.firesync.shared.Sha256;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each verified webhook as received, then announces it, in one transaction: the webhook is acknowledged only
 * once it is safe, and a crash before it is applied re-runs it on restart. A signature seen before is a replay.
 */
@Service
public class WebhookInbox {

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    WebhookInbox(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores a webhook.
     *
     * @return the inbox id, or nothing when the same signature was received before (a replay)
     */
    @Transactional
    public Optional<Long> accept(String event, byte[] body, @Nullable String signature) {
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO webhook_inbox (signature_hash, event, body, received_at)
                    VALUES (:signature, :event, :body, :now)""")
                    .param("signature", signature == null ? null : hash(signature))
                    .param("event", event)
                    .param("body", body)
                    .param("now", DbTime.param(clock.instant()))
                    .update(keys, "id");
        } catch (DuplicateKeyException replay) {
            return Optional.empty();
        }
        long id = Objects.requireNonNull(keys.getKeyAs(Long.class));
        events.publishEvent(new WebhookReceived(id));
        return Optional.of(id);
    }

    Optional<Stored> load(long id) {
        return jdbc.sql("SELECT event, body FROM webhook_inbox WHERE id = :id AND processed_at IS NULL")
                .param("id", id)
                .query((rs, row) -> new Stored(id, rs.getString("event"), rs.getBytes("body")))
                .optional();
    }

    void done(long id, WebhookOutcome outcome) {
        jdbc.sql("UPDATE webhook_inbox SET processed_at = :now, outcome = :outcome WHERE id = :id")
                .param("now", DbTime.param(clock.instant()))
                .param("outcome", outcome.code())
                .param("id", id)
                .update();
    }

    private static String hash(String signature) {
        return Sha256.hex(signature);
    }

    /**
     * A stored webhook.
     */
    record Stored(long id, String event, byte[] body) {
    }

    /**
     * Deletes the webhooks applied before {@code cutoff}; one not applied yet stays.
     *
     * @return how many were deleted
     */
    public int pruneProcessedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM webhook_inbox WHERE processed_at < :cutoff")
                .param("cutoff", DbTime.param(cutoff))
                .update();
    }
}
