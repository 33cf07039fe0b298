package com.firesync.schedule;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Feeds the sync service's health into {@code /actuator/health} as the {@code sync} component: down only when the
 * service is unhealthy, with the reasons in the details.
 */
@Component("sync")
class SyncHealthIndicator implements HealthIndicator {

    private final SyncHealth health;

    SyncHealthIndicator(SyncHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        SyncHealth.Report report = health.report();
        Health.Builder builder = "unhealthy".equals(report.status()) ? Health.down() : Health.up();
        return builder.withDetail("status", report.status())
                .withDetail("scheduledJobs", report.jobs())
                .withDetail("reasons", report.reasons())
                .build();
    }
}
