package com.firesync.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.connection.ConnectionLinked;
import com.firesync.connection.ConnectionState;
import com.firesync.connection.ConnectionStateChanged;
import com.firesync.shared.MetricNames;
import com.firesync.sync.SyncFailed;
import com.firesync.sync.SyncTrigger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The events the sync and connection modules publish end up as meters.
 */
class EventMetersTests {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void countsMovesBetweenStatesByFromAndTo() {
        var listener = new ConnectionMeters(meters);

        listener.on(new ConnectionStateChanged(1, 1, ConnectionState.SYNCING, ConnectionState.NEEDS_USER_ACTION,
                "SCARequired", Instant.EPOCH));
        listener.on(new ConnectionStateChanged(2, 1, ConnectionState.SYNCING, ConnectionState.NEEDS_USER_ACTION,
                "wrongpass", Instant.EPOCH));

        assertThat(meters.counter(MetricNames.CONNECTION_TRANSITIONS, "from", "syncing", "to", "needs_user_action")
                .count()).isEqualTo(2);
    }

    @Test
    void countsLinksAndRepairsApart() {
        var listener = new ConnectionMeters(meters);

        listener.on(new ConnectionLinked(1, 1, false));
        listener.on(new ConnectionLinked(1, 1, true));
        listener.on(new ConnectionLinked(2, 1, false));

        assertThat(meters.counter(MetricNames.CONNECTIONS_LINKED, "flow", "connect").count()).isEqualTo(2);
        assertThat(meters.counter(MetricNames.CONNECTIONS_LINKED, "flow", "reconnect").count()).isEqualTo(1);
    }

    @Test
    void countsSyncFailuresByCode() {
        var listener = new SyncMeters(meters);

        listener.on(new SyncFailed(1, 1, 10, SyncTrigger.SCHEDULE, "SCARequired"));

        assertThat(meters.counter(MetricNames.SYNC_FAILURES, "code", "SCARequired", "trigger", "schedule").count())
                .isEqualTo(1);
    }
}
