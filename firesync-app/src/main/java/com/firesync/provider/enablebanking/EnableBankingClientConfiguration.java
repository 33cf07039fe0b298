package com.firesync.provider.enablebanking;

import com.firesync.provider.BankingProvider;
import com.firesync.provider.UnattendedCalls;
import com.firesync.provider.resilience.ProviderGuards;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Wires the Enable Banking client when an application id is configured (by {@code ENABLEBANKING_APPLICATION_ID}, or
 * offered by the built-in sandbox), guarded like the Powens client: every request passes the {@code enablebanking}
 * rate limiter and concurrency bound, and its operations are retried where safe.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EnableBankingClientConfiguration.Configured.class)
@EnableConfigurationProperties(EnableBankingSettings.class)
class EnableBankingClientConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EnableBankingClientConfiguration.class);

    @Bean
    BankingProvider enableBankingProvider(EnableBankingSettings settings, Environment environment, Clock clock,
            ProviderGuards guards, ObjectProvider<MeterRegistry> meters, UnattendedCalls unattended) {
        String applicationId = Objects.requireNonNull(settings.applicationId());
        String keySetting = settings.privateKey();
        if (keySetting == null) {
            throw new IllegalStateException(
                    "firesync.enablebanking.private-key (ENABLEBANKING_PRIVATE_KEY) is required with an application id");
        }
        Supplier<RSAPrivateKey> key = key(keySetting);
        var jwts = new ApplicationJwts(applicationId, key, settings.jwtLifetime(), clock);
        var http = new EnableBankingHttp(settings, clock, guards.gate(EnableBankingClient.NAME), jwts,
                meters.getIfAvailable(SimpleMeterRegistry::new));
        Supplier<URI> baseUrl = () -> baseUrl(environment, settings);
        log.info("Enable Banking client targets {} as application {}", baseUrl.get(), applicationId);
        int limit = settings.unattendedCallsPerDay();
        return guards.guard(new EnableBankingClient(baseUrl, http, settings, clock,
                call -> unattended.take(call, limit)));
    }

    /** PEM content is checked now, naming the setting; a file is read when first needed (see {@link SigningKey}). */
    private static Supplier<RSAPrivateKey> key(String setting) {
        if (SigningKey.isPem(setting)) {
            RSAPrivateKey key = SigningKey.read(setting);
            return () -> key;
        }
        return new Supplier<>() {

            private @Nullable RSAPrivateKey read;

            @Override
            public synchronized RSAPrivateKey get() {
                RSAPrivateKey known = read;
                if (known == null) {
                    known = SigningKey.read(setting);
                    read = known;
                }
                return known;
            }
        };
    }

    /** Read afresh each time: the built-in sandbox's URL names the port the server finally listens on. */
    private static URI baseUrl(Environment environment, EnableBankingSettings settings) {
        String value = environment.getProperty("firesync.enablebanking.base-url");
        if (value == null || value.isBlank()) {
            return settings.baseUrl() == null ? EnableBankingSettings.DEFAULT_BASE_URL : settings.baseUrl();
        }
        return URI.create(value.strip());
    }

    /** Whether an Enable Banking application id is configured. */
    static final class Configured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String id = context.getEnvironment().getProperty("firesync.enablebanking.application-id");
            return id != null && !id.isBlank();
        }
    }
}
