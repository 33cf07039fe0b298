package com.firesync.bench;

import com.firesync.FireSyncApplication;
import com.firesync.connection.ConnectFlow;
import com.firesync.shared.Role;
import com.firesync.user.NewUser;
import com.firesync.user.UserAccounts;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * FireSync run inside the benchmark's JVM, for set-up only: it links connections through the connect flow's own
 * code, as FireSync's three HTTP requests of a link do (the admin creates a user, the user asks for a webview link,
 * the browser comes back to the callback), without their HTTP layer; the webview itself is still submitted over HTTP
 * to the sandbox, and each linked connection's first sync runs as any linked connection's does (its
 * {@code ConnectionLinked} event, after commit). The rows are therefore those of a real link and first sync, written
 * by the same code, on set-up's settings (no limit, no latency).
 */
final class InProcessSetUp implements AutoCloseable {

    /** Links in flight at once, as many as the HTTP set-up's clients were. */
    private static final int LINKS_IN_FLIGHT = 8;

    /**
     * Database connections of set-up's pool (10 by default): a link holds one while it creates the provider user,
     * whose call takes another for the shared provider budget, and the first syncs run beside the links.
     */
    private static final String POOL = "32";

    private final ConfigurableApplicationContext context;

    private InProcessSetUp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts FireSync with {@code settings} given as environment variables (see {@link Rig#fireSync}). */
    static InProcessSetUp start(Map<String, String> settings) {
        Map<String, Object> values = new HashMap<>(settings);
        values.put("SERVER_PORT", "0");
        values.put("SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE", POOL);
        // one line per link and sync would flood the build's console
        values.put("LOGGING_LEVEL_COM_FIRESYNC", "WARN");
        // Boot reads FIRESYNC_DB_URL-style names as properties only from a source whose name ends so
        var environment = new StandardEnvironment();
        environment.getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource("set-up-systemEnvironment", values));
        return new InProcessSetUp(new SpringApplicationBuilder(FireSyncApplication.class).environment(environment)
                .run());
    }

    /**
     * Links connections {@code from} (included) to {@code to} (excluded), one user each, and waits until every
     * connection of the database has synced once.
     */
    void link(Connection db, int from, int to) throws Exception {
        UserAccounts users = context.getBean(UserAccounts.class);
        ConnectFlow flow = context.getBean(ConnectFlow.class);
        try (var executor = Executors.newFixedThreadPool(LINKS_IN_FLIGHT)) {
            List<Future<?>> links = new ArrayList<>();
            for (int i = from; i < to; i++) {
                String name = "bench-user-" + i;
                links.add(executor.submit(() -> linkOne(users, flow, name)));
            }
            for (Future<?> link : links) {
                link.get();
            }
        }
        Rig.await("first syncs", Duration.ofMinutes(60), () -> SyncAllScenario.count(db,
                "SELECT COUNT(*) FROM connections WHERE last_success_at IS NOT NULL") == to);
    }

    private static void linkOne(UserAccounts users, ConnectFlow flow, String name) {
        NewUser user = users.create(name, Role.USER);
        URI callback = BenchHttp.submitDemoBank(flow.connect(user.id()).url(), name);
        Map<String, String> query = query(callback);
        var outcome = flow.complete(query.get("state"), query.get("connection_ids"), null, null);
        if (outcome.outcome() != ConnectFlow.CallbackOutcome.Result.LINKED) {
            throw new IllegalStateException("The link of " + name + " ended with " + outcome.error());
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1),
                    StandardCharsets.UTF_8));
        }
        return parameters;
    }

    @Override
    public void close() {
        context.close();
    }
}
