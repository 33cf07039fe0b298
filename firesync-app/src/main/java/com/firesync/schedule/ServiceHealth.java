package com.firesync.schedule;

import java.util.List;

/**
 * The sync service's health in the original service's shape, plus the reasons behind a status other than
 * {@code healthy}.
 *
 * @param status {@code healthy}, {@code degraded} or {@code unhealthy}
 * @param syncService sync figures
 * @param scheduledJobs the scheduler's state
 * @param database the database's figures and state
 * @param reasons why the status is not {@code healthy}; empty when it is
 */
public record ServiceHealth(String status, SyncService syncService, ScheduledJobs scheduledJobs, Database database,
        List<String> reasons) {

    /**
     * Sync figures over the retained sync runs.
     *
     * @param totalSyncs finished sync runs
     * @param successfulSyncs those that synced
     * @param successRate their share, as text ({@code 93.33%})
     * @param activeJobs executions (jobs and connection syncs) running now, across instances
     */
    public record SyncService(long totalSyncs, long successfulSyncs, String successRate, int activeJobs) {
    }

    /**
     * The scheduler.
     *
     * @param initialized whether the job schedules are on ({@code ENABLE_SCHEDULED_SYNC})
     * @param totalJobs how many jobs there are
     * @param status {@code healthy}, {@code unhealthy} (stopped, or a job overdue) or {@code disabled}
     */
    public record ScheduledJobs(boolean initialized, int totalJobs, String status) {
    }

    /**
     * The database.
     *
     * @param connections connections stored
     * @param accounts accounts stored
     * @param transactions transactions stored
     * @param status {@code healthy} or {@code unhealthy}
     */
    public record Database(long connections, long accounts, long transactions, String status) {
    }
}
