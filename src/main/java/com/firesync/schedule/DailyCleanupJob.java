package com.firesync.schedule;

import com.firesync.shared.DbTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Prunes what is no longer needed (sync runs and processed webhooks past the retention, connect states expired over
 * a day ago, completed event publications over a day old) and reports the last day's sync statistics. Counts only:
 * no token, code or personal data reaches the log.
 */
@Component
class DailyCleanupJob implements JobWork {

    private static final Duration DAY = Duration.ofDays(1);

    private final JdbcClient jdbc;

    private final ScheduleSettings settings;

    private final Clock clock;

    DailyCleanupJob(JdbcClient jdbc, ScheduleSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Job job() {
        return Job.DAILY_CLEANUP;
    }

    @Override
    public String run() {
        Instant now = clock.instant();
        String statistics = statistics(now.minus(DAY));
        Instant retention = now.atOffset(ZoneOffset.UTC).minus(settings.runRetention()).toInstant();
        int runs = delete("DELETE FROM sync_runs WHERE started_at < :cutoff AND finished_at IS NOT NULL", retention);
        int states = delete("DELETE FROM connect_states WHERE expires_at < :cutoff", now.minus(DAY));
        int webhooks = delete("DELETE FROM webhook_inbox WHERE processed_at < :cutoff", retention);
        int events = delete("DELETE FROM event_publication WHERE completion_date < :cutoff", now.minus(DAY));
        return statistics + "; pruned " + runs + " sync runs, " + states + " connect states, " + webhooks
                + " webhooks, " + events + " event publications";
    }

    private String statistics(Instant since) {
        return jdbc.sql("""
                SELECT COUNT(*) AS syncs, COALESCE(SUM(CASE WHEN outcome = 'synced' THEN 1 ELSE 0 END), 0) AS ok,
                       COALESCE(SUM(transactions_added), 0) AS added
                FROM sync_runs WHERE started_at >= :since AND finished_at IS NOT NULL""")
                .param("since", DbTime.param(since))
                .query((rs, row) -> {
                    long syncs = rs.getLong("syncs");
                    long ok = rs.getLong("ok");
                    return String.format(java.util.Locale.ROOT,
                            "last 24h: %d syncs, %.2f%% successful, %d transactions added", syncs,
                            syncs == 0 ? 0.0 : 100.0 * ok / syncs, rs.getLong("added"));
                })
                .single();
    }

    private int delete(String sql, Instant cutoff) {
        return jdbc.sql(sql).param("cutoff", DbTime.param(cutoff)).update();
    }
}
