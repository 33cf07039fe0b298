/**
 * Observability: meters bound from the sync module's events and gauges read from the database at scrape time
 * (connections by state, staleness, circuit states). Metric names are listed in
 * {@link com.firesync.shared.MetricNames}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"connection", "provider :: resilience", "shared", "sync"})
package com.firesync.observability;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
