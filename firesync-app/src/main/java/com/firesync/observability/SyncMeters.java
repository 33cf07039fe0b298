package com.firesync.observability;

import com.firesync.shared.MetricNames;
import com.firesync.sync.SyncCompleted;
import com.firesync.sync.SyncFailed;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts and times every sync run as it completes, and counts failures by their code, on the instance that ran it
 * (Prometheus sums the instances).
 */
@Component
class SyncMeters {

    /** The provider of runs recorded before connections recorded theirs. */
    private static final String FIRST_PROVIDER = "powens";

    private final MeterRegistry meters;

    SyncMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    // synchronous and in memory: a counter needs no retry (the engine publishes in the transaction ending the run)
    @EventListener
    void on(SyncCompleted run) {
        String trigger = run.trigger().code();
        String outcome = run.outcome().code();
        String provider = run.provider() == null ? FIRST_PROVIDER : run.provider();
        meters.counter(MetricNames.SYNC_RUNS, "outcome", outcome, "trigger", trigger, "provider", provider)
                .increment();
        Timer.builder(MetricNames.SYNC_DURATION)
                .tags("outcome", outcome, "trigger", trigger, "provider", provider)
                .publishPercentileHistogram()
                .register(meters)
                .record(run.duration());
        meters.counter(MetricNames.SYNC_TRANSACTIONS, "change", "added").increment(run.added());
        meters.counter(MetricNames.SYNC_TRANSACTIONS, "change", "updated").increment(run.updated());
        meters.counter(MetricNames.SYNC_TRANSACTIONS, "change", "removed").increment(run.removed());
    }

    @EventListener
    void on(SyncFailed failed) {
        meters.counter(MetricNames.SYNC_FAILURES, "code", failed.errorCode(), "trigger", failed.trigger().code())
                .increment();
    }
}
