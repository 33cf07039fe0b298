package com.firesync.connection;

import com.firesync.connection.ConnectionTransitions.Change;
import com.firesync.shared.DbTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watches the consents' expiry, which the providers tell (Enable Banking's {@code valid_until}, Powens'
 * {@code expire}): a consent ending within {@link #NOTICE} is announced once ({@link ConsentExpiring}); a connection
 * whose consent ended needs its user, so that no sync calls the provider for it until the consent is renewed. Safe
 * to run on every instance at once and as often as wanted: each step is a conditional write.
 */
@Service
public class ConsentWatch {

    /** How long before its end a consent is announced. */
    public static final Duration NOTICE = Duration.ofDays(7);

    /** The provider state recorded on a connection whose consent ended. */
    static final String CONSENT_EXPIRED = "consentExpired";

    private final JdbcClient jdbc;

    private final ConnectionTransitions transitions;

    private final ApplicationEventPublisher events;

    private final TransactionTemplate transactions;

    ConsentWatch(JdbcClient jdbc, ConnectionTransitions transitions, ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transitions = transitions;
        this.events = events;
        this.transactions = transactions;
    }

    /**
     * Announces each consent that ends within {@link #NOTICE} of {@code now} and was not announced yet.
     *
     * @return how many were announced by this call
     */
    public int announceExpiring(Instant now) {
        List<Consent> due = jdbc.sql("SELECT id, user_id, provider, consent_expires_at FROM connections"
                + " WHERE consent_expires_at > :now AND consent_expires_at <= :horizon AND state <> :disabled"
                + " AND (consent_warned_for IS NULL OR consent_warned_for <> consent_expires_at) AND "
                + ConnectionLifecycle.LIVE)
                .param("now", DbTime.param(now))
                .param("horizon", DbTime.param(now.plus(NOTICE)))
                .param("disabled", ConnectionState.DISABLED.code())
                .query((rs, row) -> new Consent(rs.getLong("id"), rs.getLong("user_id"), rs.getString("provider"),
                        Objects.requireNonNull(DbTime.read(rs, "consent_expires_at"))))
                .list();
        int announced = 0;
        for (Consent consent : due) {
            if (Boolean.TRUE.equals(transactions.execute(tx -> announce(consent)))) {
                announced++;
            }
        }
        return announced;
    }

    private boolean announce(Consent consent) {
        // the mark and the event commit together; of two instances, only the first one's update matches
        boolean marked = jdbc.sql("UPDATE connections SET consent_warned_for = :expires WHERE id = :id"
                + " AND consent_expires_at = :expires"
                + " AND (consent_warned_for IS NULL OR consent_warned_for <> :expires)")
                .param("expires", DbTime.param(consent.expiresAt()))
                .param("id", consent.connectionId())
                .update() == 1;
        if (marked) {
            events.publishEvent(new ConsentExpiring(consent.connectionId(), consent.userId(), consent.provider(),
                    consent.expiresAt(), ConnectionStateChanged.reconnectRoute(consent.provider(),
                            consent.connectionId())));
        }
        return marked;
    }

    /**
     * Puts each connection whose consent ended by {@code now} in {@link ConnectionState#NEEDS_USER_ACTION}: only a
     * renewal repairs it. A connection being synced is left to its sync, which the provider tells the same.
     *
     * @return how many connections this call moved
     */
    public int endExpired(Instant now) {
        List<Long> expired = jdbc.sql("SELECT id FROM connections WHERE consent_expires_at <= :now"
                + " AND state IN (:resting) AND " + ConnectionLifecycle.LIVE)
                .param("now", DbTime.param(now))
                .param("resting", List.of(ConnectionState.ACTIVE.code(), ConnectionState.FAILING.code()))
                .query((rs, row) -> rs.getLong("id"))
                .list();
        int moved = 0;
        for (long connectionId : expired) {
            Change change = Change.to(ConnectionState.NEEDS_USER_ACTION, "consent expired", CONSENT_EXPIRED)
                    .writing("provider_state = :providerState, error_code = :code",
                            spec -> spec.param("providerState", CONSENT_EXPIRED).param("code", "consent_expired"))
                    .onlyIf("consent_expires_at <= :at");
            if (Boolean.TRUE.equals(transactions.execute(tx -> transitions.move(connectionId, change, now)))) {
                moved++;
            }
        }
        return moved;
    }

    private record Consent(long connectionId, long userId, String provider, Instant expiresAt) {
    }
}
