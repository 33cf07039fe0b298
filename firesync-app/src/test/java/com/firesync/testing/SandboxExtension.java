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

/**
 * Starts a standalone sandbox (the Powens-compatible reference bank, as its own Spring Boot server on a free port)
 * before a test class and stops it after. Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SandboxExtension sandbox = SandboxExtension.on(clock, "--firesync.sandbox.history=P20D");
 * }</pre>
 */
public final class SandboxExtension implements BeforeAllCallback, AfterAllCallback {

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
        return new SandboxExtension(clock, List.copyOf(arguments));
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
        return StandaloneSandbox.root(context());
    }
}
