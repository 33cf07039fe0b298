package com.firesync.schedule.web;

import com.firesync.schedule.JobStatus;
import com.firesync.schedule.ScheduledJobs;
import com.firesync.schedule.ServiceHealth;
import com.firesync.shared.ApiException;
import com.firesync.shared.ApiResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The scheduled jobs' status and manual triggers (admin only, see the security configuration), and the sync
 * service's health.
 */
@RestController
class JobController {

    private final ScheduledJobs jobs;

    JobController(ScheduledJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/api/sync/jobs/status")
    ApiResponse<List<JobStatus>> status() {
        return ApiResponse.ok(jobs.status());
    }

    @PostMapping("/api/sync/jobs/trigger/{jobName}")
    ResponseEntity<ApiResponse<ScheduledJobs.Triggered>> trigger(@PathVariable String jobName) {
        return jobs.trigger(jobName)
                .map(triggered -> ResponseEntity.status(HttpStatus.ACCEPTED).body(ApiResponse.ok(triggered)))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "job_not_found",
                        "No scheduled job is named like that; the jobs are periodicSync, healthCheck, tokenRefresh"
                                + " and dailyCleanup."));
    }

    @GetMapping("/api/sync/health")
    ApiResponse<ServiceHealth> health() {
        return ApiResponse.ok(jobs.health());
    }
}
