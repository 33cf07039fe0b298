package com.firesync.sandbox.api;

import com.firesync.sandbox.ConditionalOnSandbox;
import com.firesync.sandbox.SandboxDeletions;
import com.firesync.sandbox.world.SandboxWorld;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sandbox/stats}: how many users and connections the sandbox holds and its heap, so that load tests can
 * check that the world costs no memory per user beyond what the API changed, and the deletions carried out (so that
 * a test can check a client told the provider). {@code gc=true} collects first.
 */
@RestController
@ConditionalOnSandbox
class SandboxStatsController {

    private final SandboxWorld world;

    private final FaultInterceptor traffic;

    private final SandboxDeletions deletions;

    SandboxStatsController(SandboxWorld world, FaultInterceptor traffic, SandboxDeletions deletions) {
        this.world = world;
        this.traffic = traffic;
        this.deletions = deletions;
    }

    @GetMapping("/sandbox/stats")
    Map<String, Object> stats(@RequestParam(defaultValue = "false") boolean gc) {
        if (gc) {
            // a load test wants the live set, not garbage awaiting collection
            System.gc();
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("users", world.userCount());
        body.put("connections", world.connectionCount());
        body.put("heap_used_bytes", heap.getUsed());
        body.put("heap_max_bytes", heap.getMax());
        body.put("api_calls", traffic.calls());
        body.put("rate_limited", traffic.rateLimited());
        body.put("connections_deleted", deletions.connectionDeletions());
        body.put("users_deleted", deletions.userDeletions());
        body.put("deletions_refused", deletions.refusedDeletions());
        return body;
    }
}
