package com.firesync.provider.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.provider.BankingProvider;
import com.firesync.provider.ProviderToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Primary;

/**
 * The Powens client as the application wires it, against a fake Powens over real HTTP that refuses twice with
 * {@code 429 Retry-After: 1}.
 */
class GuardedPowensOverHttpTest {

    private final AtomicInteger requests = new AtomicInteger();

    private HttpServer powens;

    @BeforeEach
    void start() throws IOException {
        powens = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        powens.createContext("/2.0/users/me/accounts", this::answer);
        powens.start();
    }

    @AfterEach
    void stop() {
        powens.stop(0);
    }

    @Test
    void retriesRateLimitedCallsNoSoonerThanRetryAfter() {
        String baseUrl = "http://127.0.0.1:" + powens.getAddress().getPort() + "/2.0";
        new ApplicationContextRunner().withUserConfiguration(Wiring.class)
                .withPropertyValues("firesync.powens.base-url=" + baseUrl)
                .run(app -> {
                    BankingProvider provider = app.getBean(BankingProvider.class);

                    assertThat(provider.accounts(new ProviderToken("user-token"))).isEmpty();

                    assertThat(requests.get()).isEqualTo(3);
                    assertThat(app.getBean(RecordingSleeper.class).waits()).hasSize(2)
                            .allSatisfy(wait -> assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
                });
    }

    private void answer(HttpExchange exchange) throws IOException {
        boolean refused = requests.incrementAndGet() <= 2;
        byte[] body = (refused ? "{\"code\":\"tooManyRequests\"}" : "{\"accounts\":[]}")
                .getBytes(StandardCharsets.UTF_8);
        if (refused) {
            exchange.getResponseHeaders().set("Retry-After", "1");
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(refused ? 429 : 200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /**
     * The provider module's own wiring, with waits recorded instead of slept. Not a {@code @Configuration}, so that
     * no other test's scan picks it up.
     */
    @ComponentScan(basePackages = "com.firesync.provider", useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.(PowensConfiguration|ResilienceConfiguration)"))
    @ConfigurationPropertiesScan("com.firesync.provider")
    static class Wiring {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        @Primary
        RecordingSleeper recordingSleeper() {
            return new RecordingSleeper();
        }
    }
}
