package com.firesync.observability;

import com.firesync.connection.ConnectionState;
import com.firesync.shared.DbTime;
import com.firesync.sync.SyncSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The connection figures the gauges show, read in one grouped query and kept a few seconds, so a scrape costs one
 * query however many gauges read them.
 */
@Component
class ConnectionFigures {

    private static final Logger log = LoggerFactory.getLogger(ConnectionFigures.class);

    private static final Duration KEEP = Duration.ofSeconds(5);

    private final JdbcClient jdbc;

    private final SyncSettings settings;

    private final Clock clock;

    private volatile Figures figures = new Figures(new EnumMap<>(ConnectionState.class), 0, 0);

    private volatile long readAtNanos = Long.MIN_VALUE;

    ConnectionFigures(JdbcClient jdbc, SyncSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
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
        Map<ConnectionState, Long> byState = new EnumMap<>(ConnectionState.class);
        jdbc.sql("SELECT state, COUNT(*) AS n FROM connections GROUP BY state")
                .query((rs, row) -> byState.put(ConnectionState.of(rs.getString("state")), rs.getLong("n")))
                .list();
        return jdbc.sql("""
                SELECT MIN(last_success_at) AS oldest,
                       SUM(CASE WHEN last_success_at IS NULL OR last_success_at < :stale THEN 1 ELSE 0 END) AS stale
                FROM connections WHERE state NOT IN ('disabled', 'needs_user_action')""")
                .param("stale", DbTime.param(now.minus(settings.staleAfter())))
                .query((rs, row) -> {
                    Instant oldest = DbTime.read(rs, "oldest");
                    return new Figures(byState, oldest == null ? 0 : Duration.between(oldest, now).toSeconds(),
                            rs.getLong("stale"));
                })
                .single();
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
