package com.firesync.sync;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The sync policy's numbers (defaults from the original service). Environment variables follow Spring's relaxed
 * binding: {@code FIRESYNC_SYNC_FRESHFOR}, {@code FIRESYNC_SYNC_MININTERVAL}, {@code FIRESYNC_SYNC_STALEAFTER}...
 *
 * @param freshFor a connection synced this recently is skipped unless forced
 * @param minInterval the least time between two syncs of one connection, forced or not
 * @param staleAfter a connection not synced for this long is stale: the health check queues a sync
 * @param backfill how far back the first sync reads transactions
 * @param overlap how far before the cursor an incremental sync reads again, against clock skew and late writes
 * @param reconcileWindow the trailing window a reconciliation re-reads in full
 * @param reconcileEvery how often a connection's trailing window is reconciled
 * @param lease how long a sync holds its connection before another instance may take it over (renewed while it
 *        makes progress)
 */
@ConfigurationProperties("firesync.sync")
@Validated
public record SyncSettings(@DefaultValue("2h") Duration freshFor, @DefaultValue("5m") Duration minInterval,
        @DefaultValue("4h") Duration staleAfter, @DefaultValue("P730D") Period backfill,
        @DefaultValue("1h") Duration overlap, @DefaultValue("P30D") Period reconcileWindow,
        @DefaultValue("24h") Duration reconcileEvery, @DefaultValue("15m") Duration lease) {
}
