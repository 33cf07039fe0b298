package com.firesync.testing;

import com.firesync.sandbox.SandboxServer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Starts a standalone sandbox (the Powens-compatible reference bank, as its own Spring Boot server on a free port)
 * before a test class and stops it after: every test that needs the sandbox as a separate server uses it. With
 * {@link #quiet}, no background refreshes (and so no webhooks); {@link #pointFireSyncAt} points the FireSync under
 * test at it with nothing but {@code POWENS_BASE_URL} and {@code POWENS_WEBVIEW_URL}. Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SandboxExtension sandbox = SandboxExtension.on(clock, "--firesync.sandbox.history=P20D");
 * }</pre>
 */
public final class SandboxExtension implements BeforeAllCallback, AfterAllCallback {

    private static final String ACCOUNTS = "firesync.sandbox.accounts-per-connection";

    private final Clock clock;

    private final List<String> arguments;

    private @Nullable ConfigurableApplicationContext context;

    private SandboxExtension(Clock clock, List<String> arguments) {
        this.clock = clock;
        this.arguments = arguments;
    }

    /**
     * A sandbox on {@code clock} with {@code settings}, more Spring Boot arguments (e.g.
     * {@code --firesync.sandbox.history=P10D}).
     */
    public static SandboxExtension on(Clock clock, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        arguments.addAll(List.of(settings));
        // three accounts per connection unless the test says otherwise, as the tests were written for (a setting
        // given twice on a command line would read as "3,5")
        if (arguments.stream().noneMatch(argument -> argument.startsWith("--" + ACCOUNTS + "="))) {
            arguments.add("--" + ACCOUNTS + "=3");
        }
        return new SandboxExtension(clock, List.copyOf(arguments));
    }

    /** A sandbox that never refreshes a connection by itself, so that nothing but the test changes its banks. */
    public static SandboxExtension quiet(Clock clock, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--firesync.sandbox.refresh-interval=0s"));
        arguments.addAll(List.of(settings));
        return on(clock, arguments.toArray(String[]::new));
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        context = SandboxServer.run(clock, arguments.toArray(String[]::new));
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    /** The running sandbox's application context. */
    public ConfigurableApplicationContext context() {
        return Objects.requireNonNull(context, "the sandbox runs from beforeAll to afterAll");
    }

    /** Its root URL, {@code http://127.0.0.1:<port>/sandbox}. */
    public String root() {
        return "http://127.0.0.1:" + context().getEnvironment().getProperty("local.server.port") + "/sandbox";
    }

    /** A bean of the running sandbox, e.g. its {@code SandboxWorld}. */
    public <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    /**
     * Points the FireSync under test at this sandbox and switches its in-app sandbox off. Call it from a
     * {@code @DynamicPropertySource} method: the sandbox already runs then.
     *
     * @param backfill FireSync's first-sync window, longer than the sandbox's history
     */
    public void pointFireSyncAt(DynamicPropertyRegistry registry, String backfill) {
        String root = root();
        registry.add("POWENS_BASE_URL", () -> root + "/2.0");
        registry.add("POWENS_WEBVIEW_URL", () -> root + "/webview");
        registry.add("firesync.sandbox.enabled", () -> "false");
        registry.add("firesync.sync.backfill", () -> backfill);
    }
}
