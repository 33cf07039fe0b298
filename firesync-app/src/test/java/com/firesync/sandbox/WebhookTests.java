package com.firesync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.testing.MutableClock;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * {@code CONNECTION_SYNCED} webhooks reach a real HTTP receiver, signed so that an independent HMAC verifies them, and
 * are retried until a 2xx.
 */
class WebhookTests {

    private static final String SECRET = "test-webhook-secret";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-09-01T07:30:00Z"));

    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

    private final AtomicInteger calls = new AtomicInteger();

    private HttpServer receiver;

    private ConfigurableApplicationContext sandbox;

    record Delivery(int call, String path, String date, String signature, String body) {
    }

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/powens", exchange -> {
            int call = calls.incrementAndGet();
            var headers = exchange.getRequestHeaders();
            deliveries.add(new Delivery(call, exchange.getRequestURI().getPath(),
                    headers.getFirst("BI-Signature-Date"), headers.getFirst("BI-Signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            // the first delivery is refused, to see the retry
            byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(call == 1 ? 500 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
        sandbox = SandboxServer.run(clock, "--server.port=0", "--firesync.sandbox.history=P10D",
                "--firesync.sandbox.accounts-per-connection=3",
                "--firesync.sandbox.refresh-interval=PT1H", "--firesync.sandbox.webhook.secret=" + SECRET,
                "--firesync.sandbox.webhook.backoff=PT0.05S",
                "--firesync.sandbox.webhook.url=http://127.0.0.1:" + receiver.getAddress().getPort()
                        + "/hooks/powens");
    }

    @AfterEach
    void stop() {
        sandbox.close();
        receiver.stop(0);
    }

    @Test
    void signedWebhooksFollowEachRefreshAndAreRetriedUntilAccepted() throws Exception {
        var http = SandboxHttp.of(sandbox);
        String token = http.init();
        long connectionId = http.connect(token, "demo", "dora");

        Delivery refused = next();
        Delivery retried = next();
        assertThat(retried.body()).isEqualTo(refused.body());
        assertThat(retried.path()).isEqualTo("/hooks/powens");
        assertThat(retried.date()).isEqualTo("2026-09-01T07:30:00Z");
        assertThat(retried.signature()).isEqualTo(independentSignature(retried));

        JsonNode first = http.json.readTree(retried.body());
        assertThat(first.get("user").get("id").asLong()).isPositive();
        JsonNode connection = first.get("connection");
        assertThat(connection.get("id").asLong()).isEqualTo(connectionId);
        assertThat(connection.get("state").isNull()).isTrue();
        assertThat(connection.get("accounts")).hasSize(3);
        assertThat(connection.get("accounts").get(0).get("transactions").size()).isGreaterThan(10);

        // the changes count as delivered once the retry's 2xx is back: only later ones belong to the next webhook
        var world = sandbox.getBean(SandboxWorld.class);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> world.connection(connectionId).orElseThrow().lastWebhook() != null);
        clock.advance(Duration.ofHours(2));
        Delivery background = next();
        assertThat(background.signature()).isEqualTo(independentSignature(background));
        JsonNode later = http.json.readTree(background.body());
        String previousMax = maxLastUpdate(first);
        later.get("connection").get("accounts").forEach(account -> account.get("transactions")
                .forEach(row -> assertThat(row.get("last_update").asString()).isGreaterThan(previousMax)));
    }

    private Delivery next() throws InterruptedException {
        Delivery delivery = deliveries.poll(20, TimeUnit.SECONDS);
        assertThat(delivery).as("a webhook delivery").isNotNull();
        return delivery;
    }

    private static String maxLastUpdate(JsonNode payload) {
        String max = "";
        for (JsonNode account : payload.get("connection").get("accounts")) {
            for (JsonNode row : account.get("transactions")) {
                String value = row.get("last_update").asString();
                max = value.compareTo(max) > 0 ? value : max;
            }
        }
        return max;
    }

    private static String independentSignature(Delivery delivery) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signed = "POST." + delivery.path() + "." + delivery.date() + "." + delivery.body();
        return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
