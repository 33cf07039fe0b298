package com.firesync.schedule;

import java.util.Arrays;
import java.util.Optional;

/**
 * The four scheduled jobs, by the names the API and the scheduler's table use.
 */
enum Job {

    PERIODIC_SYNC("periodicSync"),

    HEALTH_CHECK("healthCheck"),

    TOKEN_REFRESH("tokenRefresh"),

    DAILY_CLEANUP("dailyCleanup");

    private final String id;

    Job(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    static Optional<Job> byId(String id) {
        return Arrays.stream(values()).filter(job -> job.id.equals(id)).findFirst();
    }
}
