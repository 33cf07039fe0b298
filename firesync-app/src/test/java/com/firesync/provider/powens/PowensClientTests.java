package com.firesync.provider.powens;

import static com.firesync.provider.powens.FakePowens.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.firesync.provider.ConnectionHealth;
import com.firesync.provider.ProviderCallGate;
import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderFailure;
import com.firesync.provider.ProviderToken;
import com.firesync.provider.TransactionPage;
import com.firesync.provider.TransactionQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PowensClientTests {

    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");

    private static final ProviderToken TOKEN = new ProviderToken("user-token-123");

    private static final String TX = """
            {"id": %d, "id_account": 7, "date": "2026-03-01", "rdate": "2026-02-28", "value": -12.5,
             "type": "card", "coming": false, "original_wording": "CB SHOP", "simplified_wording": "SHOP",
             "wording": "Shop", "deleted": null, "last_update": "2026-03-02 10:00:00"}""";

    private final CountDownLatch release = new CountDownLatch(1);

    private FakePowens powens;

    private PowensClient client;

    @BeforeEach
    void start() throws IOException {
        powens = new FakePowens();
        client = client(powens.origin() + "/2.0", Duration.ofSeconds(5), 2);
    }

    @AfterEach
    void stop() {
        release.countDown();
        client.close();
        powens.close();
    }

    @Test
    void followsNextLinksPageByPageUntilNull() {
        powens.on("GET", "/2.0/users/me/transactions", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String body = query.contains("page=3")
                    ? page(null, 5)
                    : query.contains("page=2")
                            ? page(powens.origin() + "/2.0/users/me/transactions?page=3", 3, 4)
                            : page("/2.0/users/me/transactions?page=2&limit=2", 1, 2);
            json(200, body).respond(exchange);
        });
        List<TransactionPage> pages = new ArrayList<>();

        long count = client.transactions(TOKEN, TransactionQuery.since(LocalDate.parse("2026-01-01")), pages::add);

        assertThat(count).isEqualTo(5);
        assertThat(pages).extracting(TransactionPage::number).containsExactly(1, 2, 3);
        assertThat(pages).extracting(TransactionPage::last).containsExactly(false, false, true);
        assertThat(pages.get(1).transactions()).extracting(t -> t.id()).containsExactly("3", "4");
        assertThat(powens.requests().getFirst().query()).isEqualTo("limit=2&min_date=2026-01-01&filter=date&all");
        assertThat(powens.requests()).extracting(FakePowens.Request::authorization)
                .containsOnly("Bearer user-token-123");
    }

    @Test
    void listsOneConnectionsTransactionsOnItsOwnRoute() {
        powens.on("GET", "/2.0/users/me/connections/5/transactions", json(200, page(null, 1, 2)));

        long count = client.transactions(TOKEN,
                TransactionQuery.changedAfter(Instant.parse("2026-07-01T10:00:00Z")).forConnection("5"), page -> {
                });

        assertThat(count).isEqualTo(2);
        assertThat(powens.requests()).extracting(FakePowens.Request::path)
                .containsExactly("/2.0/users/me/connections/5/transactions");
    }

    @Test
    void deletesAConnectionAndCountsOneAlreadyGoneAsDeleted() {
        powens.on("DELETE", "/2.0/users/me/connections/5", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        powens.on("DELETE", "/2.0/users/me/connections/6", json(404, "{\"code\":\"notFound\"}"));
        powens.on("DELETE", "/2.0/users/me", json(503, "{\"code\":\"websiteUnavailable\"}"));

        client.deleteConnection(TOKEN, "5");
        client.deleteConnection(TOKEN, "6");

        assertThatThrownBy(() -> client.deleteUser("42", TOKEN)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.failure().retryable()).isTrue());
        assertThat(powens.requests()).extracting(FakePowens.Request::path).containsExactly(
                "/2.0/users/me/connections/5", "/2.0/users/me/connections/6", "/2.0/users/me");
    }

    @Test
    void renewsARevokedTokenAndDeletesTheUserStillThere() {
        powens.on("DELETE", "/2.0/users/me", exchange -> {
            boolean renewed = "Bearer new-token".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            if (renewed) {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            } else {
                json(401, "{\"code\":\"invalidToken\"}").respond(exchange);
            }
        });
        powens.on("POST", "/2.0/auth/renew", json(200, "{\"access_token\":\"new-token\",\"token_type\":\"Bearer\"}"));

        client.deleteUser("42", TOKEN);

        assertThat(powens.requests()).extracting(FakePowens.Request::method, FakePowens.Request::path,
                FakePowens.Request::authorization).containsExactly(
                        tuple("DELETE", "/2.0/users/me", "Bearer " + TOKEN.value()),
                        tuple("POST", "/2.0/auth/renew", null),
                        tuple("DELETE", "/2.0/users/me", "Bearer new-token"));
        assertThat(powens.requests().get(1).body()).contains("\"id_user\":42").contains("\"revoke_previous\":false");
    }

    @Test
    void countsAUserPowensNoLongerKnowsAsDeletedButNotARefusedRenewal() {
        powens.on("DELETE", "/2.0/users/me", json(401, "{\"code\":\"invalidToken\"}"));
        powens.on("POST", "/2.0/auth/renew", json(404, "{\"code\":\"notFound\"}"));

        client.deleteUser("42", TOKEN);

        powens.on("POST", "/2.0/auth/renew", json(503, "{\"code\":\"websiteUnavailable\"}"));
        assertThatThrownBy(() -> client.deleteUser("42", TOKEN)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.failure().retryable()).isTrue());
    }

    @Test
    void resolvesSandboxStyleRelativeLinksAgainstTheBaseOrigin() {
        client.close();
        client = client(powens.origin() + "/sandbox/2.0", Duration.ofSeconds(5), 2);
        powens.on("GET", "/sandbox/2.0/users/me/accounts/7/transactions", exchange -> {
            boolean second = exchange.getRequestURI().getRawQuery().contains("offset=2");
            json(200, second ? page(null, 3) : page("/sandbox/2.0/users/me/accounts/7/transactions?offset=2", 1, 2))
                    .respond(exchange);
        });

        long count = client.transactions(TOKEN, TransactionQuery.since(LocalDate.parse("2026-01-01")).forAccount("7"),
                page -> {
                });

        assertThat(count).isEqualTo(3);
    }

    @Test
    void refusesANextLinkToAnotherHostWithoutCallingIt() throws IOException {
        try (FakePowens foreign = new FakePowens()) {
            foreign.on("GET", "/2.0/users/me/transactions", json(200, page(null)));
            powens.on("GET", "/2.0/users/me/transactions",
                    json(200, page(foreign.origin() + "/2.0/users/me/transactions?page=2", 1, 2)));

            assertThatThrownBy(() -> client.transactions(TOKEN, TransactionQuery.since(LocalDate.EPOCH), page -> {
            })).isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.failure())
                    .isEqualTo(new ProviderFailure.Permanent("foreign_next_link")));
            assertThat(foreign.requests()).isEmpty();
        }
    }

    @Test
    void pagesByOffsetWhenTheAnswerHasNoLinks() {
        powens.on("GET", "/2.0/users/me/transactions", exchange -> {
            boolean second = exchange.getRequestURI().getRawQuery().contains("offset=2");
            json(200, second
                    ? "{\"transactions\": [" + TX.formatted(3) + "]}"
                    : "{\"transactions\": [" + TX.formatted(1) + "," + TX.formatted(2) + "]}").respond(exchange);
        });

        assertThat(client.transactions(TOKEN, TransactionQuery.since(LocalDate.EPOCH), page -> {
        })).isEqualTo(3);
    }

    @Test
    void sendsTheLastUpdateCursorAsParisWallClock() {
        powens.on("GET", "/2.0/users/me/transactions", json(200, page(null)));

        client.transactions(TOKEN, TransactionQuery.changedAfter(Instant.parse("2026-07-01T10:00:00Z")), page -> {
        });

        assertThat(powens.requests().getFirst().query()).isEqualTo("limit=2&last_update=2026-07-01%2012%3A00%3A00&all");
    }

    @Test
    void classifiesTooManyRequestsAsRateLimitedWithRetryAfterSeconds() {
        powens.on("GET", "/2.0/users/me/accounts", json(429, "{\"code\":\"tooManyRequests\"}",
                Map.of("Retry-After", "7")));

        assertThat(failureOf(() -> client.accounts(TOKEN)))
                .isEqualTo(new ProviderFailure.RateLimited(Duration.ofSeconds(7)));
    }

    @Test
    void classifiesServiceUnavailableAsTransientWithRetryAfterDate() {
        powens.on("GET", "/2.0/users/me/connections", json(503, "<html>maintenance</html>",
                Map.of("Retry-After", "Tue, 10 Mar 2026 09:02:00 GMT")));

        assertThat(failureOf(() -> client.connections(TOKEN)))
                .isEqualTo(new ProviderFailure.Transient("http_503", Duration.ofMinutes(2)));
    }

    @Test
    void classifiesRevokedTokenAsAuthInvalid() {
        powens.on("GET", "/2.0/users/me/connections", json(401, "{\"code\":\"invalidToken\"}"));

        assertThatThrownBy(() -> client.connections(TOKEN)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.failure()).isInstanceOf(ProviderFailure.AuthInvalid.class);
            assertThat(e).hasMessageNotContaining(TOKEN.value()).hasMessageNotContaining("invalidToken\"");
        });
    }

    @Test
    void classifiesARefreshNeedingTheUserByItsCode() {
        powens.on("POST", "/2.0/users/me/connections/42",
                json(400, "{\"code\":\"SCARequired\",\"description\":\"SCA needed\",\"message\":null}"));

        assertThat(failureOf(() -> client.refreshConnection(TOKEN, "42")))
                .isEqualTo(new ProviderFailure.NeedsUserAction("SCARequired"));
    }

    @Test
    void classifiesABodyCutShortAsTransient() {
        powens.on("GET", "/2.0/users/me/transactions", exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            OutputStream out = exchange.getResponseBody();
            out.write("{\"transactions\": [".getBytes(StandardCharsets.UTF_8));
            out.flush();
            // dropping the connection mid-body, as a crashing proxy would
            exchange.getHttpContext().getServer().stop(0);
        });

        assertThat(failureOf(() -> client.transactions(TOKEN, TransactionQuery.since(LocalDate.EPOCH), page -> {
        }))).isEqualTo(new ProviderFailure.Transient("io", null));
    }

    @Test
    void classifiesMalformedJsonAsTransientAndDeliversNothing() {
        powens.on("GET", "/2.0/users/me/transactions", json(200, "{\"transactions\": [{\"id\": 1,"));
        List<TransactionPage> pages = new ArrayList<>();

        assertThat(failureOf(() -> client.transactions(TOKEN, TransactionQuery.since(LocalDate.EPOCH), pages::add)))
                .isEqualTo(new ProviderFailure.Transient("malformed_response", null));
        assertThat(pages).isEmpty();
    }

    @Test
    void classifiesAnAnswerSlowerThanTheReadTimeoutAsTransient() {
        client.close();
        client = client(powens.origin() + "/2.0", Duration.ofMillis(300), 2);
        powens.on("GET", "/2.0/users/me/connections", exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        long started = System.nanoTime();
        assertThat(failureOf(() -> client.connections(TOKEN)))
                .isEqualTo(new ProviderFailure.Transient("timeout", null));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void classifiesABodyThatStallsAfterTheHeadersAsATimeout() {
        client.close();
        client = client(powens.origin() + "/2.0", Duration.ofMillis(300), 2);
        powens.on("GET", "/2.0/users/me/accounts", exchange -> {
            exchange.sendResponseHeaders(200, 100);
            exchange.getResponseBody().write("{\"acc".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(failureOf(() -> client.accounts(TOKEN))).isEqualTo(new ProviderFailure.Transient("timeout", null));
    }

    @Test
    void stopsANextLinkPointingAtItsOwnPage() {
        powens.on("GET", "/2.0/users/me/transactions",
                json(200, page("/2.0/users/me/transactions?limit=2&min_date=1970-01-01&all", 1)));

        assertThat(failureOf(() -> client.transactions(TOKEN, TransactionQuery.since(LocalDate.EPOCH), page -> {
        }))).isEqualTo(new ProviderFailure.Permanent("pagination_loop"));
    }

    @Test
    void classifiesARefusedConnectionAsTransient() {
        URI closed = powens.origin();
        powens.close();
        client.close();
        client = client(closed + "/2.0", Duration.ofSeconds(5), 2);

        assertThat(failureOf(() -> client.connections(TOKEN))).isInstanceOf(ProviderFailure.Transient.class);
    }

    @Test
    void sendsAuthInitOnceEvenWhenItFails() {
        powens.on("POST", "/2.0/auth/init", json(503, ""));

        assertThat(failureOf(client::createUser)).isInstanceOf(ProviderFailure.Transient.class);
        assertThat(powens.count("POST", "/2.0/auth/init")).isEqualTo(1);
    }

    @Test
    void createsAUserWithTheClientCredentials() {
        powens.on("POST", "/2.0/auth/init", json(200,
                "{\"auth_token\":\"perm-token\",\"type\":\"permanent\",\"id_user\":77,\"expires_in\":null}"));

        var user = client.createUser();

        assertThat(user.id()).isEqualTo("77");
        assertThat(user.token().value()).isEqualTo("perm-token");
        assertThat(user.toString()).doesNotContain("perm-token");
        assertThat(powens.requests().getFirst().body()).contains("\"client_id\":\"client-1\"")
                .contains("\"client_secret\":\"secret-1\"");
    }

    @Test
    void renewsATokenForAnExistingUser() {
        powens.on("POST", "/2.0/auth/renew", json(200, "{\"access_token\":\"new-token\",\"token_type\":\"Bearer\"}"));

        assertThat(client.renewToken("77", true).value()).isEqualTo("new-token");
        assertThat(powens.requests().getFirst().body()).contains("\"grant_type\":\"client_credentials\"")
                .contains("\"id_user\":77").contains("\"revoke_previous\":true");
    }

    @Test
    void revokesTheTokenItAuthenticatesWith() {
        powens.on("DELETE", "/2.0/auth/token", json(204, ""));

        client.revokeToken(TOKEN);

        assertThat(powens.requests()).singleElement().extracting(FakePowens.Request::authorization)
                .isEqualTo("Bearer user-token-123");
    }

    @Test
    void treatsNoAccountAsAnEmptyList() {
        powens.on("GET", "/2.0/users/me/accounts", json(400, "{\"code\":\"noAccount\",\"description\":\"none\"}"));

        assertThat(client.accounts(TOKEN)).isEmpty();
        assertThat(powens.requests().getFirst().query()).isEqualTo("all");
    }

    @Test
    void readsTheConnectionAgainWhenARefreshAnswersNoBody() {
        powens.on("POST", "/2.0/users/me/connections/42", json(202, ""));
        powens.on("GET", "/2.0/users/me/connections/42", json(200, """
                {"id": 42, "state": "wrongpass", "connector": {"uuid": "u-1", "name": "Demo Bank"},
                 "last_update": "2026-03-09 23:30:00", "error_message": "Bad password"}"""));

        var connection = client.refreshConnection(TOKEN, "42");

        assertThat(connection.bankName()).isEqualTo("Demo Bank");
        assertThat(connection.health()).isEqualTo(ConnectionHealth.NEEDS_USER_ACTION);
        assertThat(powens.count("POST", "/2.0/users/me/connections/42")).isEqualTo(1);
    }

    @Test
    void refreshesWithTheDocumentedSyncCallAnEmptyPost() {
        powens.on("POST", "/2.0/users/me/connections/42", json(200, """
                {"id": 42, "state": null, "connector": {"uuid": "u-1", "name": "Demo Bank"},
                 "last_update": "2026-03-10 08:00:00"}"""));

        var connection = client.refreshConnection(TOKEN, "42");

        assertThat(connection.id()).isEqualTo("42");
        assertThat(connection.health()).isEqualTo(ConnectionHealth.OK);
        assertThat(powens.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/2.0/users/me/connections/42");
            assertThat(request.body()).isEmpty();
            assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN.value());
        });
        assertThat(powens.count("PUT", "/2.0/users/me/connections/42")).isZero();
    }

    @Test
    void sendsEveryRequestThroughTheGateOnce() {
        powens.on("GET", "/2.0/users/me/transactions", exchange -> json(200,
                exchange.getRequestURI().getRawQuery().contains("page=2")
                        ? page(null, 3)
                        : page("/2.0/users/me/transactions?page=2", 1, 2))
                .respond(exchange));
        powens.on("GET", "/2.0/users/me/accounts", json(200, "{\"accounts\": []}"));
        List<String> admitted = new ArrayList<>();
        ProviderCallGate counting = new ProviderCallGate() {

            @Override
            public <T> T call(String operation, Supplier<T> request) {
                admitted.add(operation);
                return request.get();
            }
        };
        try (PowensClient gated = client(powens.origin() + "/2.0", Duration.ofSeconds(5), 2, counting)) {
            gated.accounts(TOKEN);
            gated.transactions(TOKEN, TransactionQuery.since(LocalDate.parse("2026-01-01")), page -> {
            });
        }

        assertThat(admitted).hasSize(3).hasSize(powens.requests().size());
    }

    @Test
    void buildsAConnectUrlAroundASingleAccessCode() {
        powens.on("GET", "/2.0/auth/token/code", json(200, "{\"code\":\"tmp-code\",\"expires_in\":1800}"));

        URI url = client.connectUrl(TOKEN, "st-1", URI.create("http://localhost:3000/api/auth/powens/callback"));

        assertThat(powens.requests().getFirst().query()).isEqualTo("type=singleAccess");
        assertThat(url.toString()).isEqualTo("http://127.0.0.1:1/webview/en/connect?domain=127.0.0.1&client_id=client-1"
                + "&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fapi%2Fauth%2Fpowens%2Fcallback&code=tmp-code&state=st-1");
    }

    private PowensClient client(String baseUrl, Duration readTimeout, int pageSize) {
        return client(baseUrl, readTimeout, pageSize, ProviderCallGate.OPEN);
    }

    private PowensClient client(String baseUrl, Duration readTimeout, int pageSize, ProviderCallGate gate) {
        var settings = new PowensSettings(null, null, null, null, null, null, ZoneId.of("Europe/Paris"),
                Duration.ofSeconds(2), readTimeout, readTimeout, pageSize);
        var endpoints = new PowensEndpoints(URI.create(baseUrl), URI.create("http://127.0.0.1:1/webview"),
                "127.0.0.1", "client-1", "secret-1");
        return new PowensClient(() -> endpoints, settings, Clock.fixed(NOW, ZoneOffset.UTC), gate);
    }

    private static String page(String next, int... ids) {
        List<String> rows = new ArrayList<>();
        for (int id : ids) {
            rows.add(TX.formatted(id));
        }
        String link = next == null ? "null" : "{\"href\": \"" + next + "\"}";
        return "{\"transactions\": [" + String.join(",", rows) + "], \"first_date\": \"2020-01-01\","
                + " \"_links\": {\"self\": {\"href\": \"/2.0/users/me/transactions\"}, \"next\": " + link + "}}";
    }

    private static ProviderFailure failureOf(Runnable call) {
        try {
            call.run();
        } catch (ProviderException e) {
            return e.failure();
        }
        throw new AssertionError("expected a ProviderException");
    }
}
