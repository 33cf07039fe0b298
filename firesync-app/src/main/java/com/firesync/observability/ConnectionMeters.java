package com.firesync.observability;

import com.firesync.connection.ConnectionLinked;
import com.firesync.connection.ConnectionStateChanged;
import com.firesync.shared.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts the connections' moves between states (how many fall into {@code needs_user_action}, how many recover) and
 * the links and repairs through the webview, on the instance that made them (Prometheus sums the instances).
 */
@Component
class ConnectionMeters {

    private final MeterRegistry meters;

    ConnectionMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    // synchronous, in the transaction that publishes: a rolled-back move may be counted, rarely, which is cheaper
    // than recording every event for an after-commit listener
    @EventListener
    void on(ConnectionStateChanged changed) {
        meters.counter(MetricNames.CONNECTION_TRANSITIONS, "from", changed.from().code(), "to", changed.to().code())
                .increment();
    }

    @EventListener
    void on(ConnectionLinked linked) {
        meters.counter(MetricNames.CONNECTIONS_LINKED, "flow", linked.reconnected() ? "reconnect" : "connect")
                .increment();
    }
}
