package com.firesync.shared;

/**
 * Every FireSync metric name, in one place (Micrometer names; Prometheus shows dots as underscores and adds the unit
 * and {@code _total}/{@code _seconds} suffixes). Kept in the shared kernel so that every module, the provider edge
 * included, binds its meters under a name listed here. Tag values are codes, never tokens, URLs or user data.
 */
public final class MetricNames {

    /** Counter: sync runs that ended; tags {@code outcome}, {@code trigger}, {@code provider}. */
    public static final String SYNC_RUNS = "firesync.sync.runs";

    /** Timer with a percentile histogram: how long a sync run took; tags {@code outcome}, {@code trigger}. */
    public static final String SYNC_DURATION = "firesync.sync.duration";

    /** Counter: transactions a sync added, changed or removed; tag {@code change}. */
    public static final String SYNC_TRANSACTIONS = "firesync.sync.transactions";

    /** Counter: sync runs that failed; tags {@code code} (the failure's code), {@code trigger}. */
    public static final String SYNC_FAILURES = "firesync.sync.failures";

    /** Counter: connections that moved from one state to another; tags {@code from}, {@code to}. */
    public static final String CONNECTION_TRANSITIONS = "firesync.connection.transitions";

    /** Counter: connections linked or repaired through the webview; tag {@code flow} ({@code connect}, {@code reconnect}). */
    public static final String CONNECTIONS_LINKED = "firesync.connections.linked";

    /** Gauge: connections by {@code state}, read from the database at scrape time. */
    public static final String CONNECTIONS = "firesync.connections";

    /** Gauge: seconds since the least recently synced syncable connection last synced. */
    public static final String STALENESS = "firesync.sync.staleness.seconds";

    /** Gauge: syncable connections past the stale threshold. */
    public static final String STALE_CONNECTIONS = "firesync.connections.stale";

    /** Timer: one HTTP request to the provider; tags {@code provider}, {@code endpoint} (a template), {@code status}. */
    public static final String PROVIDER_CALLS = "firesync.provider.calls";

    /** Counter: requests that waited for a rate permit; tag {@code provider}. */
    public static final String PROVIDER_RATE_LIMIT_WAITS = "firesync.provider.rate.limit.waits";

    /** Counter: requests refused because no permit or slot came in time (FireSync is saturated). */
    public static final String PROVIDER_SATURATED = "firesync.provider.saturated";

    /** Counter: retries of failed provider operations; tag {@code provider}. */
    public static final String PROVIDER_RETRIES = "firesync.provider.retries";

    /**
     * Counter: round trips to the provider budget every instance shares on PostgreSQL, each taking a batch of permits;
     * tag {@code provider}. Requests ({@link #PROVIDER_CALLS}) divided by these is the average batch.
     */
    public static final String PROVIDER_BUDGET_BATCHES = "firesync.provider.budget.batches";

    /** Gauge: connections whose circuit is in {@code state} on this instance. */
    public static final String CIRCUITS = "firesync.provider.circuits";

    /** Counter: pending rows the ledger matched to the row replacing them under a new key (booked or changed). */
    public static final String LEDGER_PENDING_MATCHED = "firesync.ledger.pending.matched";

    /**
     * Counter: rows arriving under a new key that fitted several pending rows (or shared one) equally well: both are
     * kept, and the pending row goes when the provider stops listing it.
     */
    public static final String LEDGER_PENDING_AMBIGUOUS = "firesync.ledger.pending.ambiguous";

    /** Counter: scheduled job runs; tags {@code job}, {@code outcome}. */
    public static final String JOB_RUNS = "firesync.job.runs";

    /** Timer: how long a scheduled job run took; tag {@code job}. */
    public static final String JOB_DURATION = "firesync.job.duration";

    /** Counter: webhooks received; tag {@code outcome} ({@code accepted} or the refusal's code). */
    public static final String WEBHOOKS_RECEIVED = "firesync.webhooks.received";

    /** Counter: stored webhooks applied in the background; tag {@code outcome}. */
    public static final String WEBHOOKS_APPLIED = "firesync.webhooks.applied";

    private MetricNames() {
    }

    /** Counter: events written to the event log; tag {@code type}. */
    public static final String EVENTS_WRITTEN = "firesync.events.written";

    /** Gauge: live event streams open on this instance; tag {@code kind} ({@code sse}, {@code websocket}). */
    public static final String EVENT_STREAMS = "firesync.events.streams";

    /** Timer: from an event's occurrence to its delivery on a live stream; tag {@code kind}. */
    public static final String EVENT_DELIVERY = "firesync.events.delivery";

    /** Counter: outbound webhook delivery attempts; tag {@code outcome} ({@code delivered}, {@code failed}). */
    public static final String WEBHOOK_ATTEMPTS = "firesync.webhooks.outbound.attempts";

    /** Timer: from an event's occurrence to its delivery to a webhook endpoint. */
    public static final String WEBHOOK_DELIVERY = "firesync.webhooks.outbound.delivery";
}
