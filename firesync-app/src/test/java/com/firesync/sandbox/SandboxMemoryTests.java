package com.firesync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firesync.testing.FreePort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 10,000 users created, connected, listed and paged against a standalone sandbox in a child JVM limited to 256 MB of
 * heap: the world costs memory only for what the API changed.
 */
class SandboxMemoryTests {

    private static final int USERS = 10_000;

    private static final int PARALLEL = 16;

    @Test
    void tenThousandUsersAreListedAndPagedWithin256MegabytesOfHeap() throws Exception {
        int port = FreePort.next();
        Path log = Files.createTempFile("sandbox-memory", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), "com.firesync.FireSyncApplication", "sandbox",
                "--server.port=" + port, "--firesync.sandbox.history=P30D", "--firesync.sandbox.refresh-interval=0s",
                "--firesync.sandbox.accounts-per-connection=3",
                "--logging.level.root=WARN").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            var http = new SandboxHttp("http://127.0.0.1:" + port);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> http.get("/sandbox/stats", "").statusCode() == 200);
            AtomicLong rows = new AtomicLong();
            AtomicInteger done = new AtomicInteger();
            drive(http, rows, done);

            assertThat(child.isAlive()).as("child JVM alive; log in " + log).isTrue();
            JsonNode stats = http.getJson("/sandbox/stats?gc=true", "");
            long heapUsed = stats.get("heap_used_bytes").asLong();
            System.out.printf("Sandbox memory test: %d users, %d transactions paged, heap used after GC %.1f MB of"
                    + " %.1f MB%n", done.get(), rows.get(), heapUsed / 1048576.0,
                    stats.get("heap_max_bytes").asLong() / 1048576.0);
            assertThat(done.get()).isEqualTo(USERS);
            assertThat(stats.get("users").asInt()).isEqualTo(USERS);
            assertThat(stats.get("connections").asInt()).isEqualTo(USERS);
            assertThat(heapUsed).isLessThan(256L * 1024 * 1024);
        } finally {
            child.destroy();
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    private static void drive(SandboxHttp http, AtomicLong rows, AtomicInteger done) throws Exception {
        Semaphore slots = new Semaphore(PARALLEL);
        List<Future<?>> users = new ArrayList<>(USERS);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < USERS; i++) {
                slots.acquire();
                users.add(executor.submit(() -> {
                    try {
                        rows.addAndGet(oneUser(http));
                        done.incrementAndGet();
                    } finally {
                        slots.release();
                    }
                    return null;
                }));
            }
            for (Future<?> user : users) {
                user.get();
            }
        }
    }

    private static int oneUser(SandboxHttp http) throws IOException, InterruptedException {
        String token = http.init();
        long connection = http.connect(token, "demo", "load");
        assertThat(http.getJson("/sandbox/2.0/users/me/connections", token).get("connections").get(0).get("id")
                .asLong()).isEqualTo(connection);
        assertThat(http.getJson("/sandbox/2.0/users/me/accounts", token).get("accounts")).hasSize(3);
        return http.allPages("/sandbox/2.0/users/me/transactions?min_date=2000-01-01&limit=100", token).size();
    }

}
