package com.firesync.analytics.web;

import com.firesync.analytics.Rollups;
import com.firesync.shared.ApiResponse;
import com.firesync.shared.Ids;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrators' full rebuild of a user's transfer marks and roll-ups from the ledger: idempotent, it gives the
 * rows the write path keeps (for repair, and for measuring the rebuild).
 */
@RestController
class AnalyticsAdminController {

    private final Rollups rollups;

    AnalyticsAdminController(Rollups rollups) {
        this.rollups = rollups;
    }

    @PostMapping("/api/admin/users/{id}/analytics/rebuild")
    ApiResponse<Rebuilt> rebuild(@PathVariable("id") String rawId) {
        long userId = Ids.positive("id", rawId);
        long started = System.nanoTime();
        rollups.rebuild(userId);
        return ApiResponse.ok(new Rebuilt(userId, (System.nanoTime() - started) / 1_000_000));
    }

    /** A finished rebuild and how long it took. */
    record Rebuilt(long userId, long millis) {
    }
}
