package com.firesync.schedule;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One scheduled job as the status shows it.
 *
 * @param name the job's name ({@code periodicSync}...)
 * @param schedule its schedule in words
 * @param enabled whether it runs on its schedule ({@code ENABLE_SCHEDULED_SYNC})
 * @param lastRun when its last run started, on any instance
 * @param lastFinished when its last run ended
 * @param lastOutcome {@code succeeded}, {@code failed} or {@code running}; {@code null} before the first run
 * @param lastResult what the last run did
 * @param nextRun when it runs next on its schedule; {@code null} when its schedule is off
 * @param running whether it is running now, on any instance
 */
public record JobStatus(String name, String schedule, boolean enabled, @Nullable Instant lastRun,
        @Nullable Instant lastFinished, @Nullable String lastOutcome, @Nullable String lastResult,
        @Nullable Instant nextRun, boolean running) {
}
