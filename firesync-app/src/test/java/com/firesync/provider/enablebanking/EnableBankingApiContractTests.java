package com.firesync.provider.enablebanking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.firesync.provider.PresentUser;
import com.firesync.provider.ProviderCallGate;
import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderFailure;
import com.firesync.provider.ProviderToken;
import com.firesync.provider.TransactionPage;
import com.firesync.provider.TransactionQuery;
import com.firesync.provider.UnattendedCalls;
import com.firesync.provider.enablebanking.RecordingProxy.Exchange;
import com.firesync.provider.enablebanking.ReferenceShapes.Shape;
import com.firesync.testing.MutableClock;
import com.firesync.testing.SandboxExtension;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Enable Banking client's requests, and the sandbox's answers to them, against the shapes of
 * {@code shared/reference/enablebanking.md}. The real client drives a whole link and sync (bank list, authorisation,
 * session, accounts, balances, transactions over several pages, a read for a present user, the session's end)
 * against a standalone sandbox through a recording proxy; then one test per endpoint checks every exchange it made:
 * the path and query parameters the reference names, the application JWT, the PSU headers only where the reference
 * accepts them, the request body against the reference's request shape (closed: no field it does not list) and the
 * answer against its answer shape.
 */
@ExtendWith(OutputCaptureExtension.class)
class EnableBankingApiContractTests {

    private static final String APPLICATION_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    private static final KeyPair KEYS = keys();

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-07-01T10:00:00Z"));

    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.quiet(clock, "--firesync.sandbox.history=P40D",
            "--firesync.sandbox.enablebanking.application-id=" + APPLICATION_ID,
            "--firesync.sandbox.enablebanking.page-size=7",
            "--firesync.sandbox.enablebanking.public-key=-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(KEYS.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RecordingProxy proxy;

    private static EnableBankingClient client;

    private static List<Exchange> exchanges;

    @BeforeAll
    static void driveALinkAndASyncThroughTheProxy() throws Exception {
        proxy = new RecordingProxy(sandbox.root() + "/enablebanking");
        client = client(call -> true);

        var psu = client.createUser().token();
        assertThat(client.banks("FR")).isNotEmpty();
        URI page = client.connectUrl(psu, "state-1", URI.create("http://localhost:9/eb-callback"), "Demo Bank", "FR");
        String code = authorise(page, "carol");
        var session = client.authorize(code);
        ProviderToken access = session.access();
        var read = client.connectionWithAccounts(access, session.connection().id());
        assertThat(read.accounts()).isNotEmpty();
        long rows = client.transactions(access, TransactionQuery.since(LocalDate.of(2026, 5, 1)), pageOfRows -> {
        });
        assertThat(rows).isGreaterThan(7);
        client.transactions(access, TransactionQuery.changedAfter(clock.instant().minus(Duration.ofDays(3)))
                .withMinDate(LocalDate.of(2026, 5, 1)), pageOfRows -> {
                });
        var attended = client.attendedBy(new PresentUser("203.0.113.7", "Mozilla/5.0 (contract test)"));
        attended.connectionWithAccounts(access, session.connection().id());
        attended.deleteConnection(access, session.connection().id());
        exchanges = proxy.exchanges();
    }

    @AfterAll
    static void stopTheProxy() {
        proxy.close();
    }

    /** Each endpoint the client calls: its method and path pattern, query parameters, request and answer shapes. */
    record Endpoint(String name, String method, String path, Set<String> query, boolean psuHeaders,
            Shape request, Shape answer) {

        boolean matches(Exchange exchange) {
            return exchange.method().equals(method) && exchange.path().matches(path);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("GET /aspsps", "GET", "/aspsps", Set.of("country", "psu_type", "service"), false, null,
                        ReferenceShapes.ASPSPS),
                new Endpoint("POST /auth", "POST", "/auth", Set.of(), false, ReferenceShapes.START_AUTHORIZATION,
                        ReferenceShapes.STARTED_AUTHORIZATION),
                new Endpoint("POST /sessions", "POST", "/sessions", Set.of(), false, ReferenceShapes.SESSION_CODE,
                        ReferenceShapes.AUTHORIZED_SESSION),
                new Endpoint("GET /sessions/{id}", "GET", "/sessions/" + UUID, Set.of(), false, null,
                        ReferenceShapes.SESSION),
                new Endpoint("GET /accounts/{uid}/details", "GET", "/accounts/" + UUID + "/details", Set.of(), true,
                        null, ReferenceShapes.ACCOUNT),
                new Endpoint("GET /accounts/{uid}/balances", "GET", "/accounts/" + UUID + "/balances", Set.of(),
                        true, null, ReferenceShapes.BALANCES),
                new Endpoint("GET /accounts/{uid}/transactions", "GET", "/accounts/" + UUID + "/transactions",
                        Set.of("date_from", "date_to", "continuation_key", "transaction_status", "strategy"), true,
                        null, ReferenceShapes.TRANSACTIONS),
                new Endpoint("DELETE /sessions/{id}", "DELETE", "/sessions/" + UUID, Set.of(), true, null,
                        ReferenceShapes.SUCCESS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void theClientsRequestsAndTheSandboxsAnswersFitTheReference(Endpoint endpoint) throws Exception {
        List<Exchange> made = exchanges.stream().filter(endpoint::matches).toList();
        assertThat(made).as("calls of %s", endpoint).isNotEmpty();
        List<String> violations = new ArrayList<>();
        for (Exchange exchange : made) {
            String where = exchange.method() + " " + exchange.path() + "?" + exchange.query() + ": ";
            jwt(exchange.headers().get("authorization")).forEach(v -> violations.add(where + v));
            Map<String, String> query = query(exchange.query());
            query.keySet().stream().filter(name -> !endpoint.query().contains(name))
                    .forEach(name -> violations.add(where + "query parameter " + name + " is not in the reference"));
            checkQuery(query).forEach(v -> violations.add(where + v));
            psu(exchange, endpoint.psuHeaders()).forEach(v -> violations.add(where + v));
            if (endpoint.request() == null) {
                if (!exchange.body().isEmpty()) {
                    violations.add(where + "sends a body");
                }
            } else {
                if (!String.valueOf(exchange.headers().get("content-type")).startsWith("application/json")) {
                    violations.add(where + "body not sent as application/json");
                }
                endpoint.request().violations(JSON.readTree(exchange.body()))
                        .forEach(v -> violations.add(where + "request " + v));
            }
            if (exchange.status() != 200) {
                violations.add(where + "answered " + exchange.status() + " " + exchange.answer());
            } else {
                endpoint.answer().violations(JSON.readTree(exchange.answer()))
                        .forEach(v -> violations.add(where + "answer " + v));
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void pagesRepeatTheFirstPagesQueryWithTheContinuationKey() {
        List<Map<String, String>> pages = exchanges.stream()
                .filter(exchange -> exchange.path().endsWith("/transactions"))
                .map(exchange -> query(exchange.query()))
                .toList();
        assertThat(pages).anyMatch(query -> query.containsKey("continuation_key"));
        for (int i = 1; i < pages.size(); i++) {
            if (pages.get(i).containsKey("continuation_key")) {
                assertThat(pages.get(i).get("date_from")).isEqualTo(pages.get(i - 1).get("date_from"));
            }
        }
    }

    @Test
    void anIncrementalReadStartsALookbackBeforeTheLastSyncNotAtTheHistorysStart() {
        List<String> starts = exchanges.stream()
                .filter(exchange -> exchange.path().endsWith("/transactions"))
                .map(exchange -> query(exchange.query()))
                .filter(query -> !query.containsKey("continuation_key"))
                .map(query -> query.get("date_from"))
                .distinct()
                .toList();
        assertThat(starts).containsExactly("2026-05-01", "2026-06-14");
    }

    @Test
    void aRefusedPeriodIsListedAgainFromTheDateTheBankCorrectsItTo(CapturedOutput output) throws Exception {
        var bank = linkTestBank("capped:20");
        List<TransactionPage> pages = new ArrayList<>();

        long rows = bank.client().transactions(bank.access(), TransactionQuery.since(LocalDate.of(2026, 5, 1)),
                pages::add);

        LocalDate corrected = LocalDate.of(2026, 6, 11);
        List<Exchange> made = since(bank.before());
        List<Exchange> firsts = firstPages(made);
        assertThat(firsts).hasSize(6);
        for (int account = 0; account < 3; account++) {
            Exchange refused = firsts.get(2 * account);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(ReferenceShapes.PERIOD_REFUSED.violations(JSON.readTree(refused.answer()))).isEmpty();
            assertThat(query(refused.query())).containsEntry("date_from", "2026-05-01");
            assertThat(firsts.get(2 * account + 1).status()).isEqualTo(200);
            assertThat(query(firsts.get(2 * account + 1).query())).containsEntry("date_from", corrected.toString())
                    .doesNotContainKey("strategy");
        }
        assertThat(made).filteredOn(exchange -> exchange.query().contains("continuation_key"))
                .allSatisfy(page -> assertThat(query(page.query())).containsEntry("date_from", "2026-06-11"));
        assertThat(rows).isPositive();
        assertThat(pages).allSatisfy(page -> assertThat(page.listedFrom().values()).containsOnly(corrected));
        assertThat(pages).flatExtracting(TransactionPage::transactions)
                .allSatisfy(row -> assertThat(row.date()).isAfterOrEqualTo(corrected));
        // each try is a listing the bank may count: both are taken from the unattended budget
        assertThat(listings(bank.taken())).isEqualTo(6);
        assertThat(output).contains("refused the transactions period").doesNotContain(bank.access().value())
                .doesNotContain("Bearer ");
    }

    @Test
    void aBankThatSaysNothingMoreIsAskedTheLongestPeriodThenShorterWindows() throws Exception {
        var bank = linkTestBank("strict:60");
        List<TransactionPage> pages = new ArrayList<>();

        bank.client().transactions(bank.access(), TransactionQuery.since(LocalDate.of(2026, 5, 1)), pages::add);

        List<Exchange> firsts = firstPages(since(bank.before()));
        // per account: the asked period, the longest search from it, then 89 days (before the asked day: skipped),
        // then 60 days, which the bank allows
        assertThat(firsts.subList(0, 3)).extracting(exchange -> exchange.status() + " " + exchange.query())
                .containsExactly("422 date_from=2026-05-01", "422 date_from=2026-05-01&strategy=longest",
                        "200 date_from=2026-05-02");
        assertThat(firsts).hasSize(9);
        assertThat(listings(bank.taken())).isEqualTo(9);
        assertThat(pages).allSatisfy(page -> assertThat(page.listedFrom().values())
                .containsOnly(LocalDate.of(2026, 5, 2)));
    }

    @Test
    void aBankRefusingEveryPeriodFailsTheListingPermanentlyAfterAFewTries() throws Exception {
        var bank = linkTestBank("strict:20");

        assertThatThrownBy(
                () -> bank.client().transactions(bank.access(), TransactionQuery.since(LocalDate.of(2026, 5, 1)),
                        page -> {
                        }))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.failure()).isInstanceOf(ProviderFailure.Permanent.class);
                    assertThat(e.failure().code()).isEqualTo("WRONG_TRANSACTIONS_PERIOD");
                });

        // the asked period, the longest search, 60 and 30 days: then it gives up on the first account
        assertThat(firstPages(since(bank.before())))
                .extracting(Exchange::status).containsExactly(422, 422, 422, 422);
        assertThat(listings(bank.taken())).isEqualTo(4);
    }

    /**
     * Links a Test Bank customer whose login chooses the bank's behaviour, with a client of its own counting the
     * unattended calls it takes.
     */
    private static CappedBank linkTestBank(String login) throws Exception {
        List<UnattendedCalls.Call> taken = new ArrayList<>();
        var client = client(taken::add);
        URI page = client.connectUrl(client.createUser().token(), "state-1",
                URI.create("http://localhost:9/eb-callback"), "Test Bank", "FR");
        ProviderToken access = client.authorize(authorise(page, login)).access();
        return new CappedBank(client, access, taken, proxy.exchanges().size());
    }

    /**
     * A linked Test Bank customer: its client, session access, the unattended calls taken so far, and how many
     * exchanges the proxy had seen once it was linked.
     */
    private record CappedBank(EnableBankingClient client, ProviderToken access, List<UnattendedCalls.Call> taken,
            int before) {
    }

    /** The exchanges the proxy saw from the {@code from}th on. */
    private static List<Exchange> since(int from) {
        List<Exchange> all = proxy.exchanges();
        return all.subList(from, all.size());
    }

    /** How many transaction listings were taken from the unattended budget. */
    private static long listings(List<UnattendedCalls.Call> taken) {
        return taken.stream().filter(call -> call.kind().equals("transactions")).count();
    }

    private static List<Exchange> firstPages(List<Exchange> exchanges) {
        return exchanges.stream()
                .filter(exchange -> exchange.path().endsWith("/transactions"))
                .filter(exchange -> !exchange.query().contains("continuation_key"))
                .toList();
    }

    private static List<String> jwt(String authorization) throws Exception {
        List<String> violations = new ArrayList<>();
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return List.of("no Authorization: Bearer <JWT>");
        }
        SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()));
        var header = jwt.getHeader();
        var claims = jwt.getJWTClaimsSet();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm()) || !"JWT".equals(String.valueOf(header.getType()))
                || !APPLICATION_ID.equals(header.getKeyID())) {
            violations.add("JWT header " + header.toJSONObject() + " is not typ JWT, alg RS256, kid the app id");
        }
        if (!jwt.verify(new RSASSAVerifier((RSAPublicKey) KEYS.getPublic()))) {
            violations.add("JWT does not verify with the application's public key");
        }
        if (!"enablebanking.com".equals(claims.getIssuer())
                || !List.of("api.enablebanking.com").equals(claims.getAudience())) {
            violations.add("JWT iss/aud " + claims.getIssuer() + "/" + claims.getAudience());
        }
        long life = (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000;
        if (life <= 0 || life > 86_400 || !claims.getExpirationTime().toInstant().isAfter(clock.instant())) {
            violations.add("JWT lives " + life + " s or is expired");
        }
        if (!claims.getClaims().keySet().equals(Set.of("iss", "aud", "iat", "exp"))) {
            violations.add("JWT claims " + claims.getClaims().keySet() + " are not iss, aud, iat, exp");
        }
        return violations;
    }

    private static List<String> checkQuery(Map<String, String> query) {
        List<String> violations = new ArrayList<>();
        for (String date : List.of("date_from", "date_to")) {
            if (query.containsKey(date) && !query.get(date).matches("\\d{4}-\\d{2}-\\d{2}")) {
                violations.add(date + " is not a date: " + query.get(date));
            }
        }
        if (query.containsKey("date_to") && !query.containsKey("date_from")) {
            violations.add("date_to without date_from");
        }
        if (query.containsKey("country") && !query.get("country").matches("[A-Z]{2}")) {
            violations.add("country is not two upper-case letters");
        }
        if (query.containsKey("psu_type") && !Set.of("personal", "business").contains(query.get("psu_type"))) {
            violations.add("psu_type " + query.get("psu_type"));
        }
        if (query.containsKey("service") && !Set.of("AIS", "PIS").contains(query.get("service"))) {
            violations.add("service " + query.get("service"));
        }
        return violations;
    }

    /** PSU headers: only where the reference accepts them, and then all of them or none. */
    private static List<String> psu(Exchange exchange, boolean accepted) {
        boolean ip = exchange.headers().containsKey("psu-ip-address");
        boolean agent = exchange.headers().containsKey("psu-user-agent");
        if (!accepted) {
            return ip || agent ? List.of("PSU headers on an endpoint that takes none") : List.of();
        }
        if (ip != agent) {
            return List.of("only some of the PSU headers");
        }
        if (ip && !exchange.headers().get("psu-ip-address").matches("[0-9.]+|[0-9A-Fa-f:.]+")) {
            return List.of("Psu-Ip-Address is not an IP address");
        }
        return List.of();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int at = pair.indexOf('=');
            String name = URLDecoder.decode(at < 0 ? pair : pair.substring(0, at), StandardCharsets.UTF_8);
            query.put(name, at < 0 ? "" : URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    /** The user's browser at the sandbox's authorisation page: logs in and answers the code of the redirect. */
    private static String authorise(URI page, String login) throws Exception {
        try (HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            var form = browser.send(HttpRequest.newBuilder(page).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(form.statusCode()).isEqualTo(200);
            var posted = browser.send(HttpRequest.newBuilder(page)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("login=" + login + "&password=secret&action=authorize"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(302);
            String location = posted.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith("http://localhost:9/eb-callback?").contains("state=state-1");
            return query(URI.create(location).getRawQuery()).get("code");
        }
    }

    /** The real client through the proxy, taking its unattended calls from {@code budget}. */
    private static EnableBankingClient client(Predicate<UnattendedCalls.Call> budget) {
        var settings = new EnableBankingSettings(APPLICATION_ID, "unused", URI.create(proxy.url()),
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofDays(90),
                Duration.ofDays(14), java.time.ZoneOffset.UTC, 4);
        var jwts = new ApplicationJwts(APPLICATION_ID, () -> (java.security.interfaces.RSAPrivateKey) KEYS
                .getPrivate(), settings.jwtLifetime(), clock);
        return new EnableBankingClient(() -> URI.create(proxy.url()), new EnableBankingHttp(settings, clock,
                ProviderCallGate.OPEN, jwts, new SimpleMeterRegistry()), settings, clock, budget);
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
