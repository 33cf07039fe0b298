package com.firesync.sandbox;

import com.firesync.sandbox.auth.Clients;
import com.firesync.sandbox.auth.Codes;
import com.firesync.sandbox.auth.Tokens;
import com.firesync.sandbox.json.PowensJson;
import com.firesync.sandbox.webhook.BackgroundRefresh;
import com.firesync.sandbox.webhook.BankRefresh;
import com.firesync.sandbox.world.SandboxWorld;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the sandbox: the world on the application's clock, credentials, JSON mapping and the refresh loop.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandbox
@EnableConfigurationProperties(SandboxSettings.class)
class SandboxConfiguration {

    @Bean
    SandboxWorld sandboxWorld(SandboxSettings settings, Clock clock) {
        return new SandboxWorld(settings.world(), clock);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("!'${firesync.sandbox.state-file:}'.isBlank()")
    SandboxStateFile sandboxStateFile(SandboxWorld world, SandboxSettings settings, Clock clock, JsonMapper json) {
        return SandboxStateFile.open(Objects.requireNonNull(settings.stateFile()), world, clock, json);
    }

    @Bean
    Clients sandboxClients(SandboxSettings settings, Environment environment) {
        return new Clients(settings.clientId(), settings.clientSecret(), redirectUris(settings, environment),
                settings.allowLocalRedirects());
    }

    @Bean
    Tokens sandboxTokens(SandboxWorld world, SandboxSettings settings) {
        return new Tokens(world, settings.clientSecret());
    }

    @Bean
    Codes sandboxCodes(SandboxWorld world, Tokens tokens) {
        return new Codes(world, tokens);
    }

    @Bean
    PowensJson sandboxJson(SandboxSettings settings) {
        return new PowensJson(settings.refreshInterval());
    }

    @Bean(destroyMethod = "close")
    BankRefresh sandboxRefresh(SandboxWorld world, PowensJson json, JsonMapper mapper, SandboxSettings settings,
            Clock clock, Environment environment) {
        var webhook = settings.webhook();
        return BankRefresh.create(world, json, mapper, webhookTarget(settings, environment), webhook.secret(), clock,
                webhook.maxAttempts(), webhook.backoff());
    }

    @Bean(destroyMethod = "close")
    BackgroundRefresh sandboxBackgroundRefresh(SandboxWorld world, BankRefresh refresh, SandboxSettings settings) {
        return new BackgroundRefresh(world, refresh, settings.refreshInterval());
    }

    /**
     * In-app, FireSync's own Powens callback is always allowed, on whatever port the server got.
     */
    private static Supplier<List<String>> redirectUris(SandboxSettings settings, Environment environment) {
        List<String> configured = List.copyOf(settings.redirectUris());
        if (settings.standalone()) {
            return () -> configured;
        }
        return () -> {
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", ""));
            List<String> uris = new ArrayList<>(configured);
            uris.add("http://localhost:" + port + "/api/auth/powens/callback");
            uris.add("http://127.0.0.1:" + port + "/api/auth/powens/callback");
            return uris;
        };
    }

    /**
     * In-app, webhooks default to FireSync's own endpoint on whatever port the server got, known only once it runs.
     */
    private static Supplier<Optional<URI>> webhookTarget(SandboxSettings settings, Environment environment) {
        URI configured = settings.webhook().url();
        if (configured != null || settings.standalone()) {
            return () -> Optional.ofNullable(configured);
        }
        return () -> Optional.ofNullable(environment.getProperty("local.server.port"))
                .map(port -> URI.create("http://localhost:" + port + "/api/webhooks/powens"));
    }
}
