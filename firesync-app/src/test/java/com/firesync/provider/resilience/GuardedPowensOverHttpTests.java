package com.firesync.provider.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.firesync.provider.BankingProvider;
import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderFailure;
import com.firesync.provider.ProviderToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * The Powens client as the application wires it, against a fake Powens over real HTTP that refuses with
 * {@code 429 Retry-After: 1}.
 */
class GuardedPowensOverHttpTests {

    private final AtomicInteger requests = new AtomicInteger();

    private final List<String> refreshes = new CopyOnWriteArrayList<>();

    private HttpServer powens;

    @BeforeEach
    void start() throws IOException {
        powens = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        powens.createContext("/2.0/users/me/accounts", this::answer);
        powens.createContext("/2.0/users/me/connections/42", this::refuseRefresh);
        powens.start();
    }

    @AfterEach
    void stop() {
        powens.stop(0);
    }

    @Test
    void retriesRateLimitedCallsNoSoonerThanRetryAfter() {
        new ApplicationContextRunner().withUserConfiguration(Wiring.class)
                .withPropertyValues("firesync.powens.base-url=" + baseUrl(), "firesync.powens.client-id=c",
                        "firesync.powens.client-secret=s")
                .run(app -> {
                    BankingProvider provider = app.getBean(BankingProvider.class);

                    assertThat(provider.accounts(new ProviderToken("user-token"))).isEmpty();

                    assertThat(requests.get()).isEqualTo(3);
                    assertThat(app.getBean(RecordingSleeper.class).waits()).hasSize(2)
                            .allSatisfy(wait -> assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
                });
    }

    @Test
    void sendsAForcedRefreshAsOneEmptyPostAndNeverRepeatsIt() {
        new ApplicationContextRunner().withUserConfiguration(Wiring.class)
                .withPropertyValues("firesync.powens.base-url=" + baseUrl(), "firesync.powens.client-id=c",
                        "firesync.powens.client-secret=s")
                .run(app -> {
                    BankingProvider provider = app.getBean(BankingProvider.class);

                    assertThatThrownBy(() -> provider.refreshConnection(new ProviderToken("user-token"), "42"))
                            .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.failure())
                                    .isInstanceOf(ProviderFailure.RateLimited.class));

                    // Powens' documented sync call; a refused forced refresh is not retried (fair usage)
                    assertThat(refreshes).containsExactly("POST body=0");
                    assertThat(app.getBean(RecordingSleeper.class).waits()).isEmpty();
                });
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + powens.getAddress().getPort() + "/2.0";
    }

    private void refuseRefresh(HttpExchange exchange) throws IOException {
        refreshes.add(exchange.getRequestMethod() + " body=" + exchange.getRequestBody().readAllBytes().length);
        byte[] body = "{\"code\":\"tooManyRequests\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Retry-After", "1");
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(429, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
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
