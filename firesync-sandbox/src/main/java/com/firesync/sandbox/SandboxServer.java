package com.firesync.sandbox;

import com.firesync.sandbox.world.ShiftableClock;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Runs the sandbox alone, for load tests in a separate process:
 * {@code java -jar target/firesync.jar sandbox --server.port=4000}. Only the sandbox starts: no database, no
 * migrations, no security, no FireSync beans, and FireSync's {@code application.yml} is not read.
 */
public final class SandboxServer {

    private SandboxServer() {
    }

    /** Starts the sandbox on the system clock. Arguments are Spring Boot ones, e.g. {@code --server.port=4000}. */
    public static ConfigurableApplicationContext run(String... args) {
        // a load test may move the bank's clock forward (POST /sandbox/control, when firesync.sandbox.control is on)
        return run(new ShiftableClock(Clock.systemUTC()), args);
    }

    /** Starts the sandbox on the given clock, which tests move by hand. */
    public static ConfigurableApplicationContext run(Clock clock, String... args) {
        List<String> arguments = new ArrayList<>();
        // FireSync's own application.yml is for FireSync: the standalone sandbox reads sandbox.yml if present
        arguments.add("--spring.config.name=sandbox");
        arguments.addAll(List.of(args));
        return new SpringApplicationBuilder(SandboxApplication.class).web(WebApplicationType.SERVLET)
                .properties(Map.of("firesync.sandbox.standalone", "true", "server.port", "4000",
                        "spring.main.banner-mode", "off",
                        "spring.threads.virtual.enabled", "true", "spring.jackson.default-property-inclusion", "always",
                        "springdoc.api-docs.enabled", "false", "management.endpoints.access.default", "none"))
                .initializers(context -> ((GenericApplicationContext) context).registerBean("clock", Clock.class,
                        () -> clock))
                .run(arguments.toArray(String[]::new));
    }
}
