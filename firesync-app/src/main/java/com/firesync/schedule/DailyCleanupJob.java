package com.firesync.schedule;

import com.firesync.connection.ConnectStates;
import com.firesync.events.EventLog;
import com.firesync.provider.UnattendedCalls;
import com.firesync.sync.SyncRuns;
import com.firesync.sync.WebhookInbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.stereotype.Component;

/**
 * Prunes what is no longer needed (sync runs and processed webhooks past the retention, connect states expired over
 * a day ago, logged events past their retention, completed event publications over a day old, the counts of unattended
 * provider calls of the days before yesterday) and reports the last day's sync statistics. Counts only:
 * no token, code or personal data reaches the log. Each table is pruned by the module that owns it; the event
 * publications by Spring Modulith, whose table it is.
 */
@Component
class DailyCleanupJob implements JobWork {

    private static final Duration DAY = Duration.ofDays(1);

    private final SyncRuns runs;

    private final ConnectStates states;

    private final WebhookInbox webhooks;

    private final CompletedEventPublications events;

    private final ScheduleSettings settings;

    private final Clock clock;

    private final EventLog eventLog;

    private final UnattendedCalls unattendedCalls;

    DailyCleanupJob(SyncRuns runs, ConnectStates states, WebhookInbox webhooks, CompletedEventPublications events,
            ScheduleSettings settings, Clock clock, EventLog eventLog, UnattendedCalls unattendedCalls) {
        this.eventLog = eventLog;
        this.unattendedCalls = unattendedCalls;
        this.runs = runs;
        this.states = states;
        this.webhooks = webhooks;
        this.events = events;
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
        String statistics = statistics(runs.countFinishedSince(now.minus(DAY)));
        Instant retention = now.atOffset(ZoneOffset.UTC).minus(settings.runRetention()).toInstant();
        int prunedRuns = runs.pruneFinishedBefore(retention);
        int prunedStates = states.pruneExpiredBefore(now.minus(DAY));
        int prunedWebhooks = webhooks.pruneProcessedBefore(retention);
        // counted from the registry's clock, the same injected clock; it does not say how many it deleted
        events.deletePublicationsOlderThan(DAY);
        int prunedEvents = eventLog.pruneBeyondRetention(now);
        // a provider's day may start up to a day before or after UTC's: yesterday's counts may still be today's
        int prunedCalls = unattendedCalls.pruneBefore(LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1));
        return statistics + "; pruned " + prunedRuns + " sync runs, " + prunedStates + " connect states, "
                + prunedWebhooks + " webhooks, " + prunedEvents + " logged events, " + prunedCalls
                + " unattended call counts and the event publications completed over a day ago";
    }

    private static String statistics(SyncRuns.RunCounts day) {
        return String.format(Locale.ROOT, "last 24h: %d syncs, %.2f%% successful, %d transactions added",
                day.finished(), day.successPercent(), day.transactionsAdded());
    }
}
