package com.firesync;

import com.firesync.sandbox.SandboxServer;
import com.firesync.security.KeyRotation;
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

    /**
     * Time is a dependency: everything that reasons about time asks this clock, which tests replace.
     */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("sandbox")) {
            SandboxServer.run(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("rotate-key")) {
            System.exit(KeyRotation.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(FireSyncApplication.class, args);
    }
}
