package com.firesync.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firesync.analytics.Rollups;
import com.firesync.sandbox.world.SandboxConnection;
import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.shared.Role;
import com.firesync.testing.Background;
import com.firesync.testing.EnableBankingLedgerComparison;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.LedgerComparison;
import com.firesync.testing.MutableClock;
import com.firesync.testing.SandboxExtension;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.testing.WebviewDriver;
import com.firesync.user.NewUser;
import com.firesync.user.UserAccounts;
import java.math.BigDecimal;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * FireSync against the sandbox's Enable Banking face, served by a standalone sandbox server of its own and reached
 * over the network with nothing but {@code ENABLEBANKING_*} (and {@code POWENS_*} for the same sandbox's Powens
 * face): the in-app sandbox is off. The application's key pair is the test's; FireSync signs with its private key,
 * the sandbox verifies with its public key.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
class EnableBankingConnectTests {

    private static final String APPLICATION_ID = "5b3c1f0e-8d2a-4c6b-9e7f-0a1b2c3d4e5f";

    private static final KeyPair KEYS = keys();

    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.quiet(new MutableClock(TestClockConfiguration.START),
            "--firesync.sandbox.history=P60D", "--firesync.sandbox.enablebanking.application-id=" + APPLICATION_ID,
            "--firesync.sandbox.enablebanking.page-size=25", "--firesync.sandbox.enablebanking.public-key="
                    + pem("PUBLIC KEY", KEYS.getPublic().getEncoded()));

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    ProviderIdentities identities;

    @Autowired
    Rollups rollups;

    @DynamicPropertySource
    static void pointAtTheStandaloneSandbox(DynamicPropertyRegistry registry) {
        sandbox.pointFireSyncAt(registry, "P90D");
        registry.add("ENABLEBANKING_APPLICATION_ID", () -> APPLICATION_ID);
        registry.add("ENABLEBANKING_PRIVATE_KEY", () -> pem("PRIVATE KEY", KEYS.getPrivate().getEncoded()));
        registry.add("ENABLEBANKING_BASE_URL", () -> sandbox.root() + "/enablebanking");
    }

    @Test
    void listsBothProvidersAndTheFacesBanks() {
        var http = Http.local(port);
        var alice = users.create("alice", Role.USER);

        JsonNode providers = http.get("/api/providers", alice.token()).json().get("data");
        JsonNode banks = http.get("/api/providers/enablebanking/banks?country=FR", alice.token()).json().get("data");

        assertThat(providers.valueStream().map(p -> p.get("name").asString()).toList())
                .containsExactly("powens", "enablebanking");
        assertThat(banks.valueStream().map(bank -> bank.get("name").asString()).toList())
                .containsExactlyInAnyOrder("Demo Bank", "Test Bank");
        assertThat(banks.get(0).get("maximumConsentValidity").isNull()).isFalse();
        assertThat(http.get("/api/providers/enablebanking/banks?country=FI", alice.token()).json().get("data"))
                .isEmpty();
    }

    @Test
    void linksByTheAuthorisationFormAndSyncsTheWorldsLedger() {
        var http = Http.local(port);
        var alice = users.create("alice", Role.USER);

        var callback = new WebviewDriver(http).authorizeEnableBanking(alice.token(), "Demo Bank", "FR", "alice",
                "secret");

        assertThat(callback.status()).as(callback.body()).isEqualTo(200);
        JsonNode linked = callback.json().get("data");
        assertThat(linked.get("outcome").asString()).isEqualTo("linked");
        long connectionId = linked.get("connectionIds").get(0).asLong();
        awaitSynced(connectionId);
        SandboxConnection world = onlyWorldConnection();
        var expected = sandbox.bean(SandboxWorld.class).expectedLedger(world.id(), clock.instant());
        assertThat(expected.liveTransactions()).hasSizeGreaterThan(25).anyMatch(row -> row.coming())
                .anyMatch(row -> row.original() != null);
        assertThat(EnableBankingLedgerComparison.differences(jdbc, connectionId, expected)).isEmpty();
        // the session id is kept encrypted only; the connection's id is a digest of it
        var row = jdbc.sql("SELECT provider, provider_connection_id, access_ciphertext, consent_expires_at"
                + " FROM connections WHERE id = :id").param("id", connectionId).query().singleRow();
        assertThat(row.get("provider")).isEqualTo("enablebanking");
        assertThat((String) row.get("provider_connection_id")).matches("[0-9a-f]{64}");
        assertThat((byte[]) row.get("access_ciphertext")).isNotEmpty();
        assertThat(row.get("consent_expires_at")).isNotNull();
        JsonNode status = http.get("/api/sync/status", alice.token()).json().get("data").get(0);
        assertThat(status.get("provider").asString()).isEqualTo("enablebanking");
        assertThat(Instant.parse(status.get("consentExpiresAt").asString()))
                .isBetween(clock.instant().plus(Duration.ofDays(89)), clock.instant().plus(Duration.ofDays(90)));
        assertThat(status.get("consentDaysLeft").asLong()).isBetween(89L, 90L);
    }

    @Test
    void refusesAStateUsedTwiceOrHandedOutForPowens() {
        var http = Http.local(port);
        var alice = users.create("alice", Role.USER);
        var driver = new WebviewDriver(http);
        String powensUrl = http.get("/api/auth/powens/url", alice.token()).json().get("data").get("url").asString();
        String powensState = powensUrl.replaceAll(".*[?&]state=([^&]+).*", "$1");

        var crossed = http.get("/api/auth/enablebanking/callback?code=x&state=" + powensState, null);

        assertThat(crossed.status()).isEqualTo(400);
        assertThat(crossed.body()).doesNotContain("Exception");
        var first = driver.authorizeEnableBanking(alice.token(), "Demo Bank", "FR", "alice", "secret");
        assertThat(first.status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM connections").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void oneUserHoldsAPowensAndAnEnableBankingConnectionAndEveryRouteCoversBoth() {
        var http = Http.local(port);
        var bob = users.create("bob", Role.USER);
        var driver = new WebviewDriver(http);
        long powens = driver.connect(bob.token(), "demo", "bob", "secret").json().get("data").get("connectionIds")
                .get(0).asLong();
        long enableBanking = driver.authorizeEnableBanking(bob.token(), "Demo Bank", "FR", "bob-eb", "secret")
                .json().get("data").get("connectionIds").get(0).asLong();
        awaitSynced(powens);
        awaitSynced(enableBanking);
        var world = sandbox.bean(SandboxWorld.class);
        long powensWorld = Long.parseLong(jdbc.sql("SELECT provider_connection_id FROM connections WHERE id = :id")
                .param("id", powens).query(String.class).single());
        assertThat(LedgerComparison.differences(jdbc, powens, world.expectedLedger(powensWorld, clock.instant())))
                .isEmpty();

        JsonNode accounts = http.get("/api/accounts", bob.token()).json().get("data");
        assertThat(accounts.valueStream().map(a -> a.get("connectionId").asLong()).distinct().toList())
                .containsExactlyInAnyOrder(powens, enableBanking);
        Set<Long> listed = transactionIds(http, bob);
        assertThat(listed).hasSize(jdbc.sql("""
                SELECT COUNT(*) FROM transactions t JOIN accounts a ON a.id = t.account_id
                WHERE a.user_id = :u AND t.deleted_at IS NULL""").param("u", bob.id()).query(Long.class).single()
                .intValue());
        for (long connection : List.of(powens, enableBanking)) {
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM transactions t JOIN accounts a ON a.id = t.account_id
                    WHERE a.connection_id = :c""").param("c", connection).query(Long.class).single())
                    .as("connection %d", connection).isPositive();
        }
        assertThat(changeFeedIds(http, bob)).isEqualTo(listed);
        JsonNode status = http.get("/api/sync/status", bob.token()).json().get("data");
        assertThat(status.valueStream().map(s -> s.get("provider").asString()).toList())
                .containsExactlyInAnyOrder("powens", "enablebanking");
        // Powens tells the connection's consent expiry as its "expire": 180 days of PSD2 consent
        assertThat(status.valueStream().filter(s -> s.get("provider").asString().equals("powens")).findFirst()
                .orElseThrow().get("consentDaysLeft").asLong()).isBetween(179L, 180L);
        BigDecimal balances = accounts.valueStream().map(a -> a.get("balance").decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        JsonNode netWorth = http.get("/api/analytics/net-worth?interval=day&from=" + today() + "&to=" + today(),
                bob.token()).json().get("data").get("currencies");
        assertThat(netWorth.toString()).as("net worth").isNotEmpty();
        assertThat(lastNetWorth(netWorth)).isEqualByComparingTo(balances);
        for (long connection : List.of(powens, enableBanking)) {
            var sync = http.postJson("/api/sync/intelligent/connection/" + connection + "?force=true", bob.token(),
                    "");
            assertThat(sync.status()).as(sync.body()).isEqualTo(200);
        }
    }

    @Test
    void sendsThePsuHeadersOnlyOnASyncThePresentUserAskedFor() {
        var http = Http.local(port);
        var alice = users.create("alice", Role.USER);
        long connectionId = new WebviewDriver(http)
                .authorizeEnableBanking(alice.token(), "Demo Bank", "FR", "alice", "secret")
                .json().get("data").get("connectionIds").get(0).asLong();
        awaitSynced(connectionId);
        List<String> uids = jdbc.sql("SELECT provider_account_id FROM accounts WHERE connection_id = :c")
                .param("c", connectionId).query(String.class).list();
        assertThat(calls(uids)).hasSize(9).allSatisfy(line -> {
            assertThat(line.get("unattended").asLong()).isEqualTo(1);
            assertThat(line.get("present").asLong()).isZero();
        });
        clock.advance(Duration.ofMinutes(10));

        var sync = http.send(http.request("/api/sync/intelligent/connection/" + connectionId + "?force=true",
                alice.token()).header("User-Agent", "Mozilla/5.0 (FireSync test)").header("Sec-Fetch-Mode", "cors")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(sync.status()).as(sync.body()).isEqualTo(200);
        assertThat(sync.json().get("data").get("decision").asString()).isEqualTo("synced");
        assertThat(calls(uids)).hasSize(9).allSatisfy(line -> {
            assertThat(line.get("unattended").asLong()).as(line.toString()).isEqualTo(1);
            assertThat(line.get("present").asLong()).as(line.toString()).isEqualTo(1);
        });
        assertThat(stats().get("refusals").asLong()).isZero();
    }

    @Test
    void deletionAndErasureEndTheEnableBankingSessionsAtTheBank() throws Exception {
        var http = Http.local(port);
        var alice = users.create("alice", Role.USER);
        var bob = users.create("bob", Role.USER);
        var driver = new WebviewDriver(http);
        long alices = driver.authorizeEnableBanking(alice.token(), "Demo Bank", "FR", "alice", "secret").json()
                .get("data").get("connectionIds").get(0).asLong();
        long bobsPowens = driver.connect(bob.token(), "demo", "bob", "secret").json().get("data")
                .get("connectionIds").get(0).asLong();
        long bobs = driver.authorizeEnableBanking(bob.token(), "Demo Bank", "FR", "bob", "secret").json()
                .get("data").get("connectionIds").get(0).asLong();
        for (long connection : List.of(alices, bobsPowens, bobs)) {
            awaitSynced(connection);
        }
        String alicesSession = identities.accessOfConnection(alices).orElseThrow().token().value();
        String bobsSession = identities.accessOfConnection(bobs).orElseThrow().token().value();
        assertThat(sessionStatus(alicesSession)).isEqualTo("AUTHORIZED");
        Background.awaitQuiet(jdbc);

        assertThat(http.send("DELETE", "/api/connections/" + alices, alice.token()).status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT COUNT(*) FROM connections WHERE id = :id")
                .param("id", alices).query(Long.class).single() == 0);
        assertThat(sessionStatus(alicesSession)).isEqualTo("CLOSED");
        assertThat(sessionStatus(bobsSession)).isEqualTo("AUTHORIZED");
        Background.awaitQuiet(jdbc);
        // the roll-ups' worker done with Bob's first syncs, the erasure is not held up by it (it would wait for the
        // worker's transfer lock: DeletionLockOrderTests)
        rollups.settle(bob.id(), true);

        assertThat(http.send("DELETE", "/api/me", bob.token()).status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT COUNT(*) FROM connections")
                .query(Long.class).single() == 0);
        assertThat(sessionStatus(bobsSession)).isEqualTo("CLOSED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE id = :id").param("id", bob.id()).query(Long.class)
                .single()).isZero();
    }

    private static String sessionStatus(String session) throws Exception {
        return sessionStatus(sandbox.root(), APPLICATION_ID, KEYS, TestClockConfiguration.START, session);
    }

    /**
     * A session's status at a sandbox, asked as the application: a JWT signed with the application's key, issued at
     * {@code at} on the sandbox's clock.
     */
    static String sessionStatus(String sandboxRoot, String applicationId, KeyPair keys, java.time.Instant at,
            String session) throws Exception {
        var header = new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256)
                .type(com.nimbusds.jose.JOSEObjectType.JWT).keyID(applicationId).build();
        var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer("enablebanking.com")
                .audience("api.enablebanking.com").issueTime(java.util.Date.from(at))
                .expirationTime(java.util.Date.from(at.plus(Duration.ofHours(1)))).build();
        var jwt = new com.nimbusds.jwt.SignedJWT(header, claims);
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(keys.getPrivate()));
        String url = sandboxRoot + "/enablebanking/sessions/" + session;
        var answer = Http.absolute(url).send(Http.absolute(url).request("", null)
                .header("Authorization", "Bearer " + jwt.serialize()).GET());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("status").asString();
    }

    /** The sandbox's count of each account's calls today, by kind, for these accounts. */
    private static List<JsonNode> calls(List<String> uids) {
        return stats().get("calls").valueStream().filter(line -> uids.contains(line.get("account").asString()))
                .toList();
    }

    private static JsonNode stats() {
        return Http.absolute(sandbox.root() + "/enablebanking/stats").get("", null).json();
    }

    private String today() {
        return java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/Paris")).toString();
    }

    private static BigDecimal lastNetWorth(JsonNode currencies) {
        JsonNode eur = currencies.valueStream().filter(c -> c.get("currency").asString().equals("EUR")).findFirst()
                .orElseThrow();
        JsonNode series = eur.get("series");
        return series.get(series.size() - 1).get("netWorth").decimalValue();
    }

    private static Set<Long> transactionIds(Http http, NewUser user) {
        Set<Long> ids = new HashSet<>();
        String cursor = null;
        do {
            var page = http.get("/api/transactions?limit=500" + (cursor == null ? "" : "&cursor=" + cursor),
                    user.token()).json();
            page.get("data").forEach(row -> ids.add(row.get("id").asLong()));
            JsonNode next = page.get("page").get("nextCursor");
            cursor = next.isNull() ? null : next.asString();
        } while (cursor != null);
        return ids;
    }

    private static Set<Long> changeFeedIds(Http http, NewUser user) {
        Set<Long> ids = new HashSet<>();
        String cursor = null;
        boolean more;
        do {
            JsonNode page = http.get("/api/changes?limit=500" + (cursor == null ? "" : "&cursor=" + cursor),
                    user.token()).json().get("data");
            page.get("added").forEach(row -> ids.add(row.get("id").asLong()));
            page.get("modified").forEach(row -> ids.add(row.get("id").asLong()));
            page.get("removed").forEach(row -> ids.remove(row.get("id").asLong()));
            cursor = page.get("nextCursor").asString();
            more = page.get("hasMore").asBoolean();
        } while (more);
        return ids;
    }

    private void awaitSynced(long connectionId) {
        Background.awaitSynced(jdbc, connectionId);
    }

    private SandboxConnection onlyWorldConnection() {
        List<SandboxConnection> connections = new ArrayList<>(sandbox.bean(SandboxWorld.class).allConnections());
        assertThat(connections).hasSize(1);
        return connections.getFirst();
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
                + "-----\n";
    }

    static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
