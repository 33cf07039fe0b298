/**
 * Scheduled jobs on db-scheduler, cluster-safe: periodic sync (fanned out as one task per connection), health check,
 * token refresh and daily cleanup, with their status, manual triggers and the service's health. The only module that
 * imports db-scheduler.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"connection", "events", "ledger", "privacy", "provider", "runtime", "shared",
        "sync"})
package com.firesync.schedule;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
