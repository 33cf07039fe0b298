package com.firesync.testing;

import com.firesync.sandbox.SandboxServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The sandbox as a separate server for tests: on a free port, its own clock, no background refreshes and so no
 * webhooks, and FireSync pointed at it with nothing but {@code POWENS_BASE_URL} and {@code POWENS_WEBVIEW_URL}.
 */
public final class StandaloneSandbox {

    private StandaloneSandbox() {
    }

    /**
     * Starts the sandbox; {@code settings} are more Spring Boot arguments, e.g.
     * {@code --firesync.sandbox.history=P10D}.
     */
    public static ConfigurableApplicationContext start(Clock clock, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--firesync.sandbox.refresh-interval=0s"));
        arguments.addAll(List.of(settings));
        return SandboxServer.run(clock, arguments.toArray(String[]::new));
    }

    /** The sandbox's root URL, {@code http://127.0.0.1:<port>/sandbox}. */
    public static String root(ConfigurableApplicationContext sandbox) {
        return "http://127.0.0.1:" + sandbox.getEnvironment().getProperty("local.server.port") + "/sandbox";
    }

    /**
     * Points the FireSync under test at the sandbox and switches its in-app sandbox off.
     *
     * @param backfill FireSync's first-sync window, longer than the sandbox's history
     */
    public static void pointFireSyncAt(ConfigurableApplicationContext sandbox, DynamicPropertyRegistry registry,
            String backfill) {
        String root = root(sandbox);
        registry.add("POWENS_BASE_URL", () -> root + "/2.0");
        registry.add("POWENS_WEBVIEW_URL", () -> root + "/webview");
        registry.add("firesync.sandbox.enabled", () -> "false");
        registry.add("firesync.sync.backfill", () -> backfill);
    }
}
