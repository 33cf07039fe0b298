package com.firesync;

import com.firesync.security.KeyRotation;
import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.Modulithic;

/**
 * The FireSync service: one process serving the REST API, running the sync engine and its jobs.
 */
@SpringBootApplication(proxyBeanMethods = false)
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class FireSyncApplication {

    private static final String SANDBOX_SERVER = "com.firesync.sandbox.SandboxServer";

    /**
     * Time is a dependency: everything that reasons about time asks this clock, which tests replace.
     */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("sandbox")) {
            runSandbox(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("rotate-key")) {
            System.exit(KeyRotation.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(FireSyncApplication.class, args);
    }

    /**
     * Starts the standalone sandbox. The sandbox module is a run-time dependency only (nothing of FireSync's code
     * may use it), so it is reached by name.
     */
    private static void runSandbox(String[] args) {
        try {
            Class.forName(SANDBOX_SERVER).getMethod("run", String[].class).invoke(null, (Object) args);
        } catch (ClassNotFoundException e) {
            System.err.println("The sandbox module (firesync-sandbox) is not on the class path");
            System.exit(2);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("The sandbox failed to start", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The sandbox cannot be started", e);
        }
    }
}
