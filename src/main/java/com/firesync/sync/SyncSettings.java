package com.firesync.sync;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How syncs run.
 *
 * @param backfill how far back the first sync of a connection reads transactions
 *        ({@code FIRESYNC_SYNC_BACKFILL}, default two years)
 */
@ConfigurationProperties("firesync.sync")
record SyncSettings(@DefaultValue("P730D") Period backfill) {
}
