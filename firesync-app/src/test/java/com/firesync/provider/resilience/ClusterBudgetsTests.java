package com.firesync.provider.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two instances' budgets on one real {@code provider_budgets} table (created by the V17 migration's own SQL), as two
 * FireSync processes would hold them: their requests together keep to the one rate. Runs in the PostgreSQL test run
 * only.
 */
@Tag("postgresql-only")
class ClusterBudgetsTests {

    private static final int RATE = 50;

    private final String url = env("FIRESYNC_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");

    private final String user = env("FIRESYNC_TEST_DB_USER", "postgres");

    private final String password = env("FIRESYNC_TEST_DB_PASSWORD", "");

    private final String schema = "fs_budget_unit_" + ProcessHandle.current().pid();

    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    @BeforeEach
    void createTheTable() throws Exception {
        execute("CREATE SCHEMA " + schema);
        dataSource.setURL(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        try (var migration = getClass().getResourceAsStream("/db/migration/V17__provider_budgets.sql");
                Connection db = dataSource.getConnection();
                var statement = db.createStatement()) {
            statement.execute(new String(migration.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterEach
    void dropTheTable() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Test
    void twoInstancesTogetherKeepToOneRate() throws Exception {
        // 50 requests a second, up to 5 permits (100 ms of it) at a time
        var rate = new ProviderLimitSettings.RateLimit(RATE, Duration.ofSeconds(5), Duration.ofMillis(100));
        var meters = new SimpleMeterRegistry();
        Instant started = Instant.parse("2026-11-30T20:00:00Z");
        RatePermits first = new ClusterBudgets(dataSource, rate, Clock.fixed(started, ZoneOffset.UTC), meters)
                .permits("powens");
        RatePermits second = new ClusterBudgets(dataSource, rate,
                Clock.fixed(started.plusSeconds(1), ZoneOffset.UTC), meters).permits("powens");
        AtomicLong permits = new AtomicLong();

        long began = System.nanoTime();
        long until = began + Duration.ofSeconds(2).toNanos();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                RatePermits instance = i % 2 == 0 ? first : second;
                done.add(requests.submit(() -> {
                    while (System.nanoTime() < until) {
                        assertThat(instance.take()).isNotEqualTo(RatePermits.Admission.REFUSED);
                        permits.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> request : done) {
                request.get(30, TimeUnit.SECONDS);
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        double batches = meters.get(ProviderMetrics.BUDGET_BATCHES).counter().count();

        System.out.printf("Two instances sharing %d/s: %d permits in %.2f s, %.0f round trips%n", RATE,
                permits.get(), seconds, batches);
        // the bucket starts full (one batch) and each instance may use one more batch than the line allows
        assertThat(permits.get()).as("permits in %.2f s", seconds).isLessThanOrEqualTo((long) (RATE * seconds) + 15)
                .isGreaterThanOrEqualTo((long) (RATE * seconds * 0.9));
        assertThat(batches).as("round trips to the database").isLessThan(permits.get() / 2.0);
        assertThat(count("SELECT COUNT(*) FROM provider_budgets")).as("one row for the provider").isEqualTo(1);
    }

    @Test
    void theInstanceStartedLastSetsTheRateForAll() throws Exception {
        var meters = new SimpleMeterRegistry();
        Instant started = Instant.parse("2026-11-30T20:00:00Z");
        // an instance started earlier with 200 a second (batches of 20), then one with the new rate of 20 (of 2)
        RatePermits older = new ClusterBudgets(dataSource,
                new ProviderLimitSettings.RateLimit(200, Duration.ofSeconds(5), Duration.ofMillis(100)),
                Clock.fixed(started, ZoneOffset.UTC), meters).permits("powens");
        assertThat(older.take()).isNotEqualTo(RatePermits.Admission.REFUSED);
        RatePermits newer = new ClusterBudgets(dataSource,
                new ProviderLimitSettings.RateLimit(20, Duration.ofSeconds(5), Duration.ofMillis(100)),
                Clock.fixed(started.plusSeconds(60), ZoneOffset.UTC), meters).permits("powens");
        assertThat(newer.take()).isNotEqualTo(RatePermits.Admission.REFUSED);

        long permits = takeFor(older, 8, Duration.ofSeconds(1));

        // the older instance's requests now get the new rate, not its own
        assertThat(permits).isGreaterThanOrEqualTo(15).isLessThanOrEqualTo(20 + 4 + 4);
    }

    /** Takes permits from {@code threads} requests at once for {@code period}; answers how many came. */
    private static long takeFor(RatePermits permits, int threads, Duration period) throws Exception {
        AtomicLong taken = new AtomicLong();
        long until = System.nanoTime() + period.toNanos();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(requests.submit(() -> {
                    while (System.nanoTime() < until) {
                        assertThat(permits.take()).isNotEqualTo(RatePermits.Admission.REFUSED);
                        taken.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> request : done) {
                request.get(30, TimeUnit.SECONDS);
            }
        }
        return taken.get();
    }

    private long count(String sql) throws SQLException {
        try (Connection db = dataSource.getConnection();
                var statement = db.createStatement();
                var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, user, password); var statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
