package com.firesync.observability;

import com.firesync.connection.ConnectionState;
import com.firesync.connection.Connections;
import com.firesync.sync.SyncPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The connection figures the gauges show, read from the connection module in two queries and kept a few seconds, so a
 * scrape costs two queries however many gauges read them.
 */
@Component
class ConnectionFigures {

    private static final Logger log = LoggerFactory.getLogger(ConnectionFigures.class);

    private static final Duration KEEP = Duration.ofSeconds(5);

    private final Connections connections;

    private final SyncPolicy policy;

    private final Clock clock;

    private volatile Figures figures = new Figures(new EnumMap<>(ConnectionState.class), 0, 0);

    private volatile long readAtNanos = Long.MIN_VALUE;

    ConnectionFigures(Connections connections, SyncPolicy policy, Clock clock) {
        this.connections = connections;
        this.policy = policy;
        this.clock = clock;
    }

    Figures current() {
        long now = System.nanoTime();
        if (readAtNanos == Long.MIN_VALUE || now - readAtNanos > KEEP.toNanos()) {
            try {
                figures = read(clock.instant());
            } catch (DataAccessException e) {
                log.debug("Connection figures not read: {}", e.getMessage());
            }
            readAtNanos = now;
        }
        return figures;
    }

    private Figures read(Instant now) {
        Map<ConnectionState, Long> byState = connections.countByState();
        SyncPolicy.StaleBefore stale = policy.staleBefore(now);
        Connections.ConnectionCounts counts = connections.countConnections(stale.others(), stale.byProvider());
        Instant oldest = counts.oldestSuccess();
        return new Figures(byState, oldest == null ? 0 : Duration.between(oldest, now).toSeconds(), counts.stale());
    }

    /**
     * One reading.
     */
    record Figures(Map<ConnectionState, Long> counts, long oldestSuccessSeconds, long stale) {

        double byState(ConnectionState state) {
            return counts.getOrDefault(state, 0L);
        }
    }
}
