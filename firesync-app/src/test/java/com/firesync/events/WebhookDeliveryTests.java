package com.firesync.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firesync.ledger.LedgerWriter;
import com.firesync.provider.ProviderAccount;
import com.firesync.provider.ProviderTransaction;
import com.firesync.shared.MetricNames;
import com.firesync.shared.Role;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.LedgerRows;
import com.firesync.testing.MutableClock;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.user.NewUser;
import com.firesync.user.UserAccounts;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbound webhooks to a real receiver on this machine (private addresses allowed here): down for ten minutes of the
 * test clock, then answering, it gets every event once accepted, in log order, each signed as Standard Webhooks says
 * (checked by a verifier written here, apart from FireSync's signer), and the retries show in the deliveries
 * listing. A receiver that never answers gets its endpoint disabled after a day.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = {"firesync.webhooks.allow-private=true", "firesync.webhooks.sweep=50ms",
        "firesync.schedule.polling-interval=100ms"})
class WebhookDeliveryTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    LedgerWriter writer;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    MeterRegistry meters;

    WebhookReceiver receiver;

    Http http;

    NewUser alice;

    long account;

    int written;

    @BeforeEach
    void seed() throws Exception {
        receiver = new WebhookReceiver();
        http = Http.local(port);
        alice = users.create("alice", Role.USER);
        long connection = new LedgerRows(jdbc).connection(alice.id(), "Demo Bank");
        account = writer.writeAccounts(connection, alice.id(), List.of(new ProviderAccount("1", "c1", "Checking",
                null, "checking", null, null, "EUR", BigDecimal.TEN, null, null, null, null, null))).get("1");
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aReceiverDownForTenMinutesGetsEveryEventInOrderWithValidSignaturesOnceItAnswers() throws Exception {
        JsonNode registered = register(receiver.url());
        String secret = registered.get("secret").asString();
        long endpoint = registered.get("endpoint").get("id").asLong();
        receiver.down(true);
        Instant downUntil = clock.instant().plus(Duration.ofMinutes(10));
        while (clock.instant().isBefore(downUntil)) {
            write(1);
            step(Duration.ofSeconds(30));
        }
        receiver.down(false);
        write(2);
        Instant deadline = clock.instant().plus(Duration.ofHours(1));
        while (receiver.accepted().size() < logged().size() && clock.instant().isBefore(deadline)) {
            step(Duration.ofSeconds(30));
        }

        List<String> delivered = receiver.accepted().stream()
                .map(request -> JSON.readTree(request.body()).get("id").asString())
                .toList();
        assertThat(delivered).as("every event once, in order").isEqualTo(logged());
        assertThat(receiver.received()).allSatisfy(request -> assertThat(verified(secret, request)).isTrue());
        assertThat(receiver.received().stream().filter(WebhookReceiver.Received::refused).count())
                .as("attempts while down").isBetween(4L, 8L);
        JsonNode attempts = http.get("/api/webhook-endpoints/" + endpoint + "/deliveries", alice.token()).json()
                .get("data");
        assertThat(attempts.valueStream().filter(attempt -> attempt.get("status").asInt() == 503))
                .isNotEmpty()
                .allSatisfy(attempt -> assertThat(attempt.get("nextRetryAt").isNull()).isFalse());
        assertThat(attempts.get(0).get("status").asInt()).isEqualTo(204);
        assertThat(meters.get(MetricNames.WEBHOOK_ATTEMPTS).tag("outcome", "failed").counter().count()).isPositive();
        assertThat(meters.get(MetricNames.WEBHOOK_ATTEMPTS).tag("outcome", "delivered").counter().count())
                .isEqualTo(delivered.size());
        assertThat(http.get("/api/webhook-endpoints", alice.token()).json().get("data").get(0).get("status")
                .asString()).isEqualTo("active");
    }

    @Test
    void anEndpointFailingForADayIsDisabledAndSaysSo() {
        register(receiver.url());
        receiver.down(true);
        write(1);
        Instant deadline = clock.instant().plus(Duration.ofHours(30));
        while (clock.instant().isBefore(deadline) && !status().equals("disabled")) {
            step(Duration.ofMinutes(30));
        }

        JsonNode listed = http.get("/api/webhook-endpoints", alice.token()).json().get("data").get(0);
        assertThat(listed.get("status").asString()).isEqualTo("disabled");
        assertThat(listed.get("disabledReason").asString()).contains("24 h");
        assertThat(Duration.between(Instant.parse(listed.get("failingSince").asString()),
                Instant.parse(listed.get("disabledAt").asString()))).isGreaterThanOrEqualTo(Duration.ofHours(24));
    }

    /** An independent check of the Standard Webhooks signature and timestamp. */
    private boolean verified(String secret, WebhookReceiver.Received request) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] expected = mac.doFinal((request.id() + "." + request.timestamp() + "." + request.body())
                .getBytes(StandardCharsets.UTF_8));
        boolean signed = false;
        for (String part : request.signature().split(" ")) {
            if (part.startsWith("v1,")) {
                signed |= MessageDigest.isEqual(expected, Base64.getDecoder().decode(part.substring(3)));
            }
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(request.timestamp()));
        return signed && skew <= Duration.ofHours(2).toSeconds()
                && request.id().equals("evt_" + JSON.readTree(request.body()).get("id").asString());
    }

    /** Moves the clock and waits until the scheduler has done what fell due. */
    private void step(Duration by) {
        clock.advance(by);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(this::settled);
    }

    /** Nothing due waits: the endpoint waits for a retry later, is disabled, or has delivered everything. */
    private boolean settled() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM webhook_endpoints e
                WHERE e.disabled_at IS NULL AND (e.retry_at IS NULL OR e.retry_at <= :now)
                  AND EXISTS (SELECT 1 FROM event_log l WHERE l.user_id = e.user_id AND l.id > e.delivered_through)""")
                .param("now", clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .query(Long.class)
                .single() == 0;
    }

    private String status() {
        return http.get("/api/webhook-endpoints", alice.token()).json().get("data").get(0).get("status").asString();
    }

    private List<String> logged() {
        return jdbc.sql("SELECT id FROM event_log WHERE user_id = :user ORDER BY id")
                .param("user", alice.id())
                .query(Long.class)
                .list()
                .stream()
                .map(String::valueOf)
                .toList();
    }

    private JsonNode register(String url) {
        var answer = http.postJson("/api/webhook-endpoints", alice.token(), """
                {"url": "%s", "events": ["transactions.changed", "sync.completed"]}""".formatted(url));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("data");
    }

    private void write(int count) {
        for (int i = 0; i < count; i++) {
            written++;
            writer.writeTransactions(account, alice.id(), "EUR", List.of(new ProviderTransaction("t" + written, "1",
                    LocalDate.of(2026, 6, 1), null, null, null, new BigDecimal("-1"), null, "Label", null, null,
                    "card", false, null, null, LocalDateTime.of(2026, 6, 1, 9, 0), null, null)));
        }
    }
}
