package com.firesync.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.shared.Role;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.Http.Answer;
import com.firesync.user.UserAccounts;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Thousands of generated malformed requests across every {@code /api/**} route the application maps (read from Spring
 * MVC, so new routes are included): bad path values, bad query parameters, broken, oversized or deeply nested bodies,
 * wrong content types and methods, missing or malformed tokens, as a user and as an admin. None may answer 5xx, every
 * 4xx must be a problem body, and the service must be healthy afterwards. Requests ask for JSON
 * ({@code Accept: application/json}), as API clients do. The rate limit is lifted so that each request reaches the
 * route it aims at.
 */
@FireSyncTest
@TestPropertySource(properties = {"firesync.security.rate-limit.requests-per-minute=1000000",
        "firesync.security.rate-limit.burst=1000000"})
class BadInputTests {

    private static final int REQUESTS = 2_400;

    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

    private static final String[] PATH_VALUES = {"abc", "-1", "0", "1.5", "99999999999999999999", "%00", "%E2%82%AC",
            "null", "%27%20OR%201%3D1", "1e3", "%2e%2e", "x".repeat(300), "123456789", "%20", "true",
            "periodicSync%00"};

    private static final String[] PARAMETERS = {"limit", "cursor", "from", "to", "pending", "accountId", "force",
            "state", "code", "connection_id", "error", "lang", "keepHistory", "interval", "by", "withdrawalRate",
            "realReturn", "annualExpenses", "annualSavings", "coastYears", "years", "runs", "seed", "meanReturn",
            "volatility", "bank", "country", "error_description"};

    private static final String[] PARAMETER_VALUES = {"abc", "-5", "0", "2026-02-30", "", "%ff", "9".repeat(40),
            "true,false", "%00", "2026-13-01", "1%3B2", "%7B%7D", "Ym9ndXM", "501", "maybe", "FR", "fr", "Demo%20Bank",
            "%0A", "x".repeat(600)};

    private static final String[] BODIES = {"{", "[]", "null", "\"text\"", "{\"name\":123}", "{\"name\":\"\"}",
            "{\"name\":null}", "{\"name\":" + "[".repeat(100) + "]".repeat(100) + "}", "\u0000", "name=x", "<a/>",
            "{\"name\":\"" + "a".repeat(70_000) + "\"}", "{\"name\":\"\\ud800\"}", "{\"name\":1e999999}",
            "{\"name\":\"x\",\"name\":\"y\"}", "", "{\"user\":{\"id\":\"x\"}}", "[" + "1,".repeat(5_000) + "1]"};

    private static final String[] CONTENT_TYPES = {"application/json", "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=bogus",
            "nonsense"};

    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"};

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    Http http;

    String[] tokens;

    @BeforeEach
    void setUp() {
        http = Http.local(port);
        tokens = new String[]{accounts.create("admin", Role.ADMIN).token(), accounts.create("alice", Role.USER)
                .token(), "fsk_" + "x".repeat(43), "garbage"};
    }

    @Test
    void answersEveryMalformedRequestWithAProblemAndNever5xx() {
        List<Route> routes = routes();
        var random = new Random(20260615);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Route route = routes.get(i % routes.size());
            String method = random.nextInt(5) == 0 ? pick(random, METHODS) : route.method();
            String path = VARIABLE.matcher(route.pattern())
                    .replaceAll(match -> pick(random, PATH_VALUES))
                    + query(random);
            @Nullable
            String token = random.nextInt(6) == 0 ? null : tokens[random.nextInt(tokens.length)];
            Answer answer = send(method, path, token, random);
            if (answer.status() >= 500 || answer.status() >= 400 && !isProblem(answer)) {
                failures.add(method + " " + path.substring(0, Math.min(path.length(), 200)) + " -> " + answer.status()
                        + " " + answer.contentType() + " " + answer.body().substring(0, Math.min(200, answer.body()
                                .length())));
            }
        }

        assertThat(routes).hasSizeGreaterThan(10);
        assertThat(routes).extracting(Route::pattern).contains("/api/connections/{id}", "/api/me",
                "/api/admin/users/{id}", "/api/me/export", "/api/changes", "/api/events", "/api/events/tickets",
                "/api/providers", "/api/providers/{provider}/banks", "/api/auth/enablebanking/url",
                "/api/auth/enablebanking/callback");
        assertThat(failures).as("requests answered 5xx or without a problem body").isEmpty();
        Answer health = http.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        // alice may have erased herself on the way (DELETE /api/me is a well-formed request): a new user checks
        // that the API still answers
        assertThat(http.get("/api/accounts", accounts.create("carol", Role.USER).token()).status()).isEqualTo(200);
    }

    /**
     * The WebSocket route is not a Spring MVC route, so it is probed here: every refusal before the upgrade is a
     * problem, and so is a stream request with a bad resume point, scope or cursor.
     */
    @Test
    void refusesMalformedStreamRequestsWithProblems() {
        String user = tokens[1];
        List<String> failures = new ArrayList<>();
        for (String query : List.of("", "?ticket=", "?ticket=wst_nope", "?ticket=" + "x".repeat(500),
                "?ticket=%00", "?lastEventId=abc", "?scope=all")) {
            for (@Nullable
            String token : new String[]{null, user, "garbage"}) {
                for (boolean upgrade : new boolean[]{false, true}) {
                    var request = http.request("/api/ws" + query, token).header("Accept", "application/json");
                    if (upgrade) {
                        request.header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key",
                                "dGhlIHNhbXBsZSBub25jZQ==");
                    }
                    check(failures, "GET /api/ws" + query + " upgrade=" + upgrade, http.send(request.GET()));
                }
            }
        }
        for (String query : List.of("?lastEventId=abc", "?lastEventId=-1", "?scope=x", "?scope=all",
                "?lastEventId=" + "9".repeat(40))) {
            check(failures, "GET /api/events" + query, http.send(http.request("/api/events" + query, user)
                    .header("Accept", "text/event-stream").GET()));
        }
        for (String query : List.of("?cursor=abc", "?cursor=YzE6LTE6MA", "?limit=0", "?limit=x", "?cursor=%ff")) {
            check(failures, "GET /api/changes" + query, http.get("/api/changes" + query, user));
        }
        assertThat(failures).as("stream requests answered 5xx, 2xx or without a problem body").isEmpty();
    }

    /**
     * The Enable Banking routes, with the in-app sandbox's face configured by default: every malformed bank, country,
     * provider, state, code or connection to renew is a 4xx problem, while the well-formed request answers a link.
     */
    @Test
    void refusesMalformedEnableBankingRequestsWithProblems() {
        String user = tokens[1];
        List<String> failures = new ArrayList<>();
        for (String query : List.of("", "?bank=Demo%20Bank", "?country=FR", "?bank=&country=FR",
                "?bank=Demo%20Bank&country=fr", "?bank=Demo%20Bank&country=FRA", "?bank=Demo%20Bank&country=%00",
                "?bank=" + "b".repeat(300) + "&country=FR", "?bank=Demo%0ABank&country=FR",
                "?bank=No%20Such%20Bank&country=FR", "?bank=Demo%20Bank&country=ZZ")) {
            check(failures, "GET /api/auth/enablebanking/url" + query,
                    http.get("/api/auth/enablebanking/url" + query, user));
        }
        for (String query : List.of("?reconnect=", "?reconnect=abc", "?reconnect=0", "?reconnect=-1",
                "?reconnect=" + "9".repeat(40), "?reconnect=%00", "?reconnect=424242",
                "?reconnect=424242&bank=Demo%20Bank", "?reconnect=424242&country=FR",
                "?reconnect=424242&bank=Demo%20Bank&country=fr")) {
            for (String provider : List.of("powens", "enablebanking")) {
                check(failures, "GET /api/auth/" + provider + "/url" + query,
                        http.get("/api/auth/" + provider + "/url" + query, user));
            }
        }
        for (String path : List.of("/api/providers/nope/banks", "/api/providers/ENABLEBANKING/banks",
                "/api/providers/enablebanking/banks?country=fi", "/api/providers/enablebanking/banks?country=%00",
                "/api/providers/" + "x".repeat(300) + "/banks")) {
            check(failures, "GET " + path, http.get(path, user));
        }
        for (String query : List.of("", "?state=", "?code=abc", "?state=" + "s".repeat(300) + "&code=x",
                "?state=unknown&code=x", "?state=unknown&error=access_denied", "?state=x&code=" + "c".repeat(600),
                "?state=x&code=%00")) {
            check(failures, "GET /api/auth/enablebanking/callback" + query, http.send(http
                    .request("/api/auth/enablebanking/callback" + query, null).header("Accept", "application/json")
                    .GET()));
        }
        assertThat(failures).as("requests answered 5xx, 2xx or without a problem body").isEmpty();
        assertThat(http.get("/api/providers", user).json().get("data").valueStream()
                .map(provider -> provider.get("name").asString())).containsExactly("powens", "enablebanking");
        Answer link = http.get("/api/auth/enablebanking/url?bank=Demo%20Bank&country=FR", user);
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        assertThat(link.json().get("data").get("url").asString()).contains("/sandbox/enablebanking/ais/start");
    }

    private static void check(List<String> failures, String request, Answer answer) {
        if (answer.status() < 400 || answer.status() >= 500 || !isProblem(answer)) {
            failures.add(request + " -> " + answer.status() + " " + answer.contentType() + " " + answer.body());
        }
    }

    private Answer send(String method, String path, @Nullable String token, Random random) {
        var request = http.request(path, token).header("Accept", "application/json");
        if (random.nextInt(8) == 0 && token != null) {
            request = http.request(path, null).header("Authorization", random.nextBoolean()
                    ? "Basic " + token
                    : "Bearer " + token + " extra").header("Accept", "application/json");
        }
        if (method.equals("GET") || method.equals("DELETE")) {
            return http.send(request.method(method, BodyPublishers.noBody()));
        }
        return http.send(request.header("Content-Type", pick(random, CONTENT_TYPES))
                .method(method, BodyPublishers.ofString(pick(random, BODIES))));
    }

    private static String query(Random random) {
        int count = random.nextInt(4);
        var query = new StringBuilder();
        for (int i = 0; i < count; i++) {
            query.append(i == 0 ? '?' : '&').append(pick(random, PARAMETERS)).append('=').append(pick(random,
                    PARAMETER_VALUES));
        }
        return query.toString();
    }

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        mapping.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/"))
                .forEach(pattern -> {
                    var methods = info.getMethodsCondition().getMethods();
                    if (methods.isEmpty()) {
                        routes.add(new Route("GET", pattern));
                    }
                    for (RequestMethod method : methods) {
                        routes.add(new Route(method.name(), pattern));
                    }
                }));
        routes.sort(Comparator.comparing(Route::pattern).thenComparing(Route::method));
        return routes;
    }

    private static boolean isProblem(Answer answer) {
        if (!answer.contentType().startsWith("application/problem+json")) {
            return false;
        }
        var json = answer.json();
        return json.get("code") != null && json.get("status").asInt() == answer.status();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private record Route(String method, String pattern) {
    }
}
