package com.firesync.events;

import com.firesync.connection.ConnectionLinked;
import com.firesync.connection.ConnectionState;
import com.firesync.connection.ConnectionStateChanged;
import com.firesync.connection.ConsentExpiring;
import com.firesync.ledger.TransactionsChanged;
import com.firesync.shared.MetricNames;
import com.firesync.sync.SyncCompleted;
import com.firesync.sync.SyncFailed;
import com.firesync.sync.SyncStarted;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes the other modules' events into the log. Synchronous listeners, so each row is written in the database
 * transaction that publishes the event: it commits with the change it reports, or not at all.
 */
@Component
class EventRecorder {

    private final EventLog log;

    private final Clock clock;

    private final CommitSignals signals;

    private final MeterRegistry meters;

    EventRecorder(EventLog log, Clock clock, CommitSignals signals, MeterRegistry meters) {
        this.log = log;
        this.clock = clock;
        this.signals = signals;
        this.meters = meters;
    }

    @EventListener
    void on(SyncStarted started) {
        record(started.userId(), "sync.started", data("connectionId", started.connectionId(), "runId",
                started.runId(), "trigger", started.trigger().code()));
    }

    @EventListener
    void on(SyncCompleted run) {
        var data = data("connectionId", run.connectionId(), "runId", run.runId(), "trigger", run.trigger().code());
        data.put("decision", run.outcome().code());
        data.put("reason", run.errorCode() == null ? "ok" : run.errorCode());
        data.put("accounts", run.accounts());
        data.put("added", run.added());
        data.put("updated", run.updated());
        data.put("removed", run.removed());
        data.put("durationMs", run.duration().toMillis());
        record(run.userId(), "sync.completed", data);
    }

    @EventListener
    void on(SyncFailed failed) {
        record(failed.userId(), "sync.failed", data("connectionId", failed.connectionId(), "runId", failed.runId(),
                "code", failed.errorCode()));
    }

    @EventListener
    void on(ConnectionStateChanged changed) {
        boolean userAction = changed.to() == ConnectionState.NEEDS_USER_ACTION;
        var data = data("connectionId", changed.connectionId(), "from", changed.from().code(), "to",
                changed.to().code());
        data.put("userActionRequired", userAction);
        data.put("reconnectRoute", userAction ? changed.reconnectRoute() : null);
        record(changed.userId(), "connection.state_changed", data);
    }

    @EventListener
    void on(ConnectionLinked linked) {
        record(linked.userId(), "connection.linked", data("connectionId", linked.connectionId(), "reconnected",
                linked.reconnected(), "flow", linked.reconnected() ? "reconnect" : "connect"));
    }

    @EventListener
    void on(ConsentExpiring expiring) {
        var data = data("connectionId", expiring.connectionId(), "provider", expiring.provider(), "expiresAt",
                expiring.expiresAt().toString());
        data.put("daysLeft", Math.max(0, Duration.between(clock.instant(), expiring.expiresAt()).toDays()));
        data.put("reconnectRoute", expiring.reconnectRoute());
        record(expiring.userId(), "consent.expiring", data);
    }

    @EventListener
    void on(TransactionsChanged changed) {
        var data = data("connectionId", changed.connectionId(), "accountId", changed.accountId(), "cursor",
                changed.cursor());
        data.put("added", changed.counts().added());
        data.put("updated", changed.counts().updated());
        data.put("removed", changed.counts().removed());
        record(changed.userId(), "transactions.changed", data);
    }

    private void record(long userId, String type, Map<String, @Nullable Object> data) {
        log.append(userId, type, clock.instant(), data);
        signals.written();
        meters.counter(MetricNames.EVENTS_WRITTEN, "type", type).increment();
    }

    private static Map<String, @Nullable Object> data(String k1, Object v1, String k2, Object v2, String k3,
            Object v3) {
        Map<String, @Nullable Object> data = new LinkedHashMap<>();
        data.put(k1, v1);
        data.put(k2, v2);
        data.put(k3, v3);
        return data;
    }
}
