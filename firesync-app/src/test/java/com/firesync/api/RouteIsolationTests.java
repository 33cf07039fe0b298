package com.firesync.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.analytics.Rollups;
import com.firesync.shared.DbTime;
import com.firesync.shared.Role;
import com.firesync.testing.EventClients;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.Http.Answer;
import com.firesync.testing.LedgerRows;
import com.firesync.user.NewUser;
import com.firesync.user.UserAccounts;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * No user reaches what is not theirs, on every route there is. The routes come from Spring MVC's own mappings, so a
 * new route taking an id is probed without editing this test. Alice and Bob each hold a connection, an account, a
 * transaction, a sync run and two API tokens, and Alice an Enable Banking connection too (every route is probed with
 * her ids of each provider); Bob calls every {@code /api/**} route that has a path variable with
 * Alice's ids (picked by variable name, or for {@code {id}} by the segment before it; unknown names get her connection
 * id). Expected: {@code 404} (indistinguishable from a missing resource), {@code 403} on admin-only routes. Routes
 * that authenticate without an API token (the Powens callback, signed webhooks) have no owner to check and are left
 * out. POSTs carry {@code {}} so that a route needing a body cannot hide behind a 400 before its ownership check: a
 * 400 would fail the test too.
 */
@FireSyncTest
class RouteIsolationTests {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

    private static final Set<String> PUBLIC_PREFIXES = Set.of("/api/webhooks/", "/api/auth/powens/callback",
            "/api/auth/enablebanking/callback");

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Rollups rollups;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    Http http;

    NewUser alice;

    NewUser bob;

    Map<String, Long> alicesIds;

    /** Alice's ids with her Enable Banking connection, its account and transaction in place of her Powens ones. */
    Map<String, Long> alicesEnableBankingIds;

    @BeforeEach
    void seedTwoUsersWithEveryKindOfResource() {
        http = Http.local(port);
        alice = accounts.create("alice", Role.USER);
        bob = accounts.create("bob", Role.USER);
        alicesIds = seed(alice);
        seed(bob);
        var rows = new LedgerRows(jdbc);
        long connection = rows.connection(alice.id(), "eb-bank-alice", "enablebanking");
        long account = rows.account(connection, alice.id(), "eb-acc-alice", "40.00");
        Map<String, Long> ids = new java.util.HashMap<>(alicesIds);
        ids.put("connection", connection);
        ids.put("account", account);
        ids.put("transaction", rows.transaction(account, alice.id(), "eb-tx-alice", LocalDate.of(2026, 1, 11),
                "-3.00", true, null));
        alicesEnableBankingIds = Map.copyOf(ids);
    }

    @Test
    void everyRouteTakingAnIdHidesAnotherUsersResources() {
        List<String> probed = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        Map<String, Long> powensIds = alicesIds;
        // every route, first with Alice's Powens connection and its rows, then with her Enable Banking ones
        for (Map<String, Long> ids : List.of(powensIds, alicesEnableBankingIds)) {
            alicesIds = ids;
            probe(probed, leaks);
        }
        alicesIds = powensIds;

        assertThat(probed).as("routes probed").anyMatch(p -> p.contains("/api/sync/intelligent/connection/{id}"))
                .anyMatch(p -> p.contains("/api/auth/powens/reconnect/{connectionId}"))
                .anyMatch(p -> p.contains("GET /api/auth/enablebanking/url?reconnect={connectionId}"))
                .anyMatch(p -> p.contains("GET /api/providers/{provider}/banks"))
                .anyMatch(p -> p.contains("/api/tokens/{id}"))
                .anyMatch(p -> p.contains("DELETE /api/connections/{id}"))
                .anyMatch(p -> p.contains("DELETE /api/admin/users/{id}"))
                .anyMatch(p -> p.contains("DELETE /api/webhook-endpoints/{id}"))
                .anyMatch(p -> p.contains("GET /api/webhook-endpoints/{id}/deliveries"));
        assertThat(leaks).as("answers to Bob with Alice's ids; probed: %s", probed).isEmpty();
        assertThat(http.get("/api/tokens", alice.token()).json().get("data").valueStream()
                .noneMatch(token -> token.get("revoked").asBoolean())).as("Alice's tokens stay unrevoked").isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM connections WHERE user_id = :u AND deleting_since IS NULL")
                .param("u", alice.id()).query(Long.class).single()).as("Alice's connections stay").isEqualTo(2);
    }

    private void probe(List<String> probed, List<String> leaks) {
        for (var entry : mapping.getHandlerMethods().entrySet()) {
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/") || !pattern.contains("{") || isPublic(pattern)) {
                    continue;
                }
                for (String method : methods(entry.getKey())) {
                    String path = fill(pattern);
                    Answer answer = call(method, path, bob.token());
                    int expected = pattern.startsWith("/api/admin/") || pattern.startsWith("/api/sync/jobs/trigger/")
                            ? 403
                            : 404;
                    probed.add(method + " " + pattern + " -> " + answer.status());
                    if (answer.status() != expected || !answer.contentType().startsWith("application/problem+json")) {
                        leaks.add(method + " " + path + " answered " + answer.status() + " " + answer.body());
                    }
                }
            }
        }
        // the routes that take an id in their query: the consent renewal of each provider
        for (String pattern : List.of("/api/auth/powens/url?reconnect={connectionId}",
                "/api/auth/enablebanking/url?reconnect={connectionId}")) {
            String path = fill(pattern);
            Answer answer = call("GET", path, bob.token());
            probed.add("GET " + pattern + " -> " + answer.status());
            if (answer.status() != 404 || !answer.contentType().startsWith("application/problem+json")) {
                leaks.add("GET " + path + " answered " + answer.status() + " " + answer.body());
            }
        }
    }

    /**
     * The routes without an id act on the caller: Bob's export holds nothing of Alice's, and Bob erasing himself
     * erases only Bob.
     */
    @Test
    void theCallersOwnRoutesReachOnlyTheCaller() {
        Answer export = http.get("/api/me/export", bob.token());
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.json().get("user").get("id").asLong()).isEqualTo(bob.id());
        assertThat(export.json().get("transactions").size()).isOne();
        assertThat(export.body()).doesNotContain("alice");

        assertThat(http.send("DELETE", "/api/me", bob.token()).status()).isEqualTo(202);

        assertThat(http.get("/api/accounts", bob.token()).status()).isEqualTo(401);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM users WHERE id = :id").param("id", bob.id()).query(Long.class).single() == 0);
        // Alice keeps both her connections' accounts and rows, Powens and Enable Banking
        assertThat(http.get("/api/accounts", alice.token()).json().get("data").size()).isEqualTo(2);
        assertThat(http.get("/api/transactions", alice.token()).json().get("data").size()).isEqualTo(2);
        assertThat(http.get("/api/tokens", alice.token()).json().get("data").valueStream()
                .noneMatch(token -> token.get("revoked").asBoolean())).isTrue();
    }

    /**
     * Both streams and the change feed carry only the caller's own: Bob, replaying the whole log and following it
     * live, on SSE and on WebSocket, never gets one of Alice's events, and his feed holds none of her transactions.
     */
    @Test
    void theStreamsAndTheFeedCarryOnlyTheCallersOwn() {
        logEvent(alice);
        logEvent(bob);
        String base = "http://127.0.0.1:" + port;
        var sse = EventClients.Sse.open(base, bob.token(), "", "0");
        var ws = EventClients.Ws.open(base, bob.token(), "?lastEventId=0", null);
        try {
            assertThat(sse.status()).isEqualTo(200);
            logEvent(alice);
            logEvent(bob);
            for (EventClients.Received stream : List.of(sse, ws)) {
                assertThat(stream.await(events -> events.size() >= 2, java.time.Duration.ofSeconds(5))).isTrue();
                assertThat(stream.events()).hasSize(2)
                        .allSatisfy(event -> assertThat(event.get("userId").asLong()).isEqualTo(bob.id()));
            }
        } finally {
            sse.close();
            ws.close();
        }
        assertThat(http.get("/api/events?scope=all", bob.token()).status()).isEqualTo(403);
        assertThat(http.get("/api/webhook-endpoints", bob.token()).json().get("data").valueStream()
                .map(endpoint -> endpoint.get("id").asLong())).doesNotContain(alicesIds.get("webhook"));
        var feed = http.get("/api/changes", bob.token()).json().get("data").get("added");
        assertThat(feed.valueStream().map(row -> row.get("id").asLong()))
                .containsExactly(jdbc.sql("SELECT id FROM transactions WHERE user_id = :u").param("u", bob.id())
                        .query(Long.class).single());
    }

    private void logEvent(NewUser user) {
        jdbc.sql("INSERT INTO event_log (user_id, type, occurred_at, data) VALUES (:u, 'sync.started', :t, '{}')")
                .param("u", user.id())
                .param("t", DbTime.param(Instant.parse("2026-01-15T10:00:00Z")))
                .update();
    }

    /**
     * The analytics routes answer from the caller's data only: Bob and Carol, seeded alike, get the same answers,
     * while Alice's extra rows and savings account would show in any answer that read her rows.
     */
    @Test
    void analyticsAnswerFromTheCallersDataOnly() {
        NewUser carol = accounts.create("carol", Role.USER);
        seed(carol);
        long aliceAccount = alicesIds.get("account");
        new LedgerRows(jdbc).transaction(aliceAccount, alice.id(), "tx-alice-bonus", LocalDate.of(2026, 1, 12),
                "5000.00", false, null);
        new LedgerRows(jdbc).transaction(aliceAccount, alice.id(), "tx-alice-treat", LocalDate.of(2026, 1, 13),
                "-77.00", false, null);
        jdbc.sql("UPDATE accounts SET type = 'savings', balance = 5100 WHERE id = :id").param("id", aliceAccount)
                .update();
        for (long user : new long[]{alice.id(), bob.id(), carol.id()}) {
            rollups.rebuild(user);
        }
        List<String> routes = new ArrayList<>();
        for (var info : mapping.getHandlerMethods().keySet()) {
            info.getPatternValues().stream().filter(pattern -> pattern.startsWith("/api/analytics/"))
                    .forEach(routes::add);
        }
        assertThat(routes).hasSize(5);
        for (String route : routes) {
            String path = route + "?from=2026-01-01&to=2026-01-31&runs=100";
            String bobs = http.get(path, bob.token()).body();
            assertThat(bobs).as(route).isEqualTo(http.get(path, carol.token()).body());
            assertThat(http.get(path, alice.token()).body()).as(route).isNotEqualTo(bobs);
        }
    }

    private Map<String, Long> seed(NewUser user) {
        var rows = new LedgerRows(jdbc);
        long connection = rows.connection(user.id(), "bank-" + user.name());
        long account = rows.account(connection, user.id(), "acc-" + user.name(), "100.00");
        long transaction = rows.transaction(account, user.id(), "tx-" + user.name(), LocalDate.of(2026, 1, 10),
                "-12.50", false, null);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sync_runs (connection_id, user_id, trigger_kind, started_at, finished_at, outcome)
                VALUES (:c, :u, 'manual', :t, :t, 'synced')""")
                .param("c", connection)
                .param("u", user.id())
                .param("t", DbTime.param(Instant.parse("2026-01-15T10:00:00Z")))
                .update(keys, "id");
        long run = keys.getKeyAs(Long.class);
        long token = accounts.issueToken(user.id()).id();
        var endpointKeys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO webhook_endpoints (user_id, url, event_types, created_at, delivered_through)
                VALUES (:u, 'https://hooks.example/in', 'sync.completed', :t, 0)""")
                .param("u", user.id())
                .param("t", DbTime.param(Instant.parse("2026-01-15T10:00:00Z")))
                .update(endpointKeys, "id");
        long endpoint = endpointKeys.getKeyAs(Long.class);
        return Map.of("connection", connection, "account", account, "transaction", transaction, "run", run, "token",
                token, "user", user.id(), "webhook", endpoint);
    }

    /** Alice's id for each path variable: by its name ({@code accountId}), or for {@code {id}} by the segment before. */
    private String fill(String pattern) {
        Matcher variables = VARIABLE.matcher(pattern);
        var path = new StringBuilder();
        while (variables.find()) {
            String name = variables.group(1);
            String before = pattern.substring(0, variables.start());
            variables.appendReplacement(path, Long.toString(alicesIds.getOrDefault(kind(name, before), alicesIds.get(
                    "connection"))));
        }
        variables.appendTail(path);
        return path.toString();
    }

    private static String kind(String variable, String before) {
        if (!variable.equals("id")) {
            return variable.replaceFirst("Id$", "");
        }
        String[] segments = before.split("/");
        String segment = segments[segments.length - 1];
        return switch (segment) {
            case "connections", "connection" -> "connection";
            case "accounts", "account" -> "account";
            case "transactions", "transaction" -> "transaction";
            case "runs", "run" -> "run";
            case "tokens", "token" -> "token";
            case "users", "user" -> "user";
            case "webhook-endpoints" -> "webhook";
            default -> "connection";
        };
    }

    private Answer call(String method, String path, String token) {
        var request = http.request(path, token).header("Accept", "application/json");
        return switch (method) {
            case "POST", "PUT", "PATCH" -> http.send(request.header("Content-Type", "application/json")
                    .method(method, BodyPublishers.ofString("{}")));
            default -> http.send(request.method(method, BodyPublishers.noBody()));
        };
    }

    private static Set<String> methods(RequestMappingInfo info) {
        Set<String> methods = new TreeSet<>();
        for (RequestMethod method : info.getMethodsCondition().getMethods()) {
            methods.add(method.name());
        }
        if (methods.isEmpty()) {
            methods.add("GET");
        }
        return methods;
    }

    private static boolean isPublic(String pattern) {
        return PUBLIC_PREFIXES.stream().anyMatch(pattern::startsWith);
    }
}
