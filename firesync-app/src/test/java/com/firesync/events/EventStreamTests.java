package com.firesync.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.ledger.LedgerWriter;
import com.firesync.provider.ProviderAccount;
import com.firesync.provider.ProviderTransaction;
import com.firesync.shared.MetricNames;
import com.firesync.shared.Role;
import com.firesync.testing.EventClients;
import com.firesync.testing.FireSyncTest;
import com.firesync.testing.Http;
import com.firesync.testing.LedgerRows;
import com.firesync.testing.MutableClock;
import com.firesync.testing.TestClockConfiguration;
import com.firesync.user.NewUser;
import com.firesync.user.UserAccounts;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The live streams over real HTTP: each caller gets their own events in log order, resumes after the last one with
 * no gap and no duplicate, on SSE and WebSocket alike; tickets are single use and short lived; a token holds a
 * bounded number of streams.
 */
@FireSyncTest
@Import(TestClockConfiguration.class)
@TestPropertySource(properties = {"firesync.events.heartbeat=300ms", "firesync.events.max-streams-per-token=3"})
class EventStreamTests {

    static final Duration WAIT = Duration.ofSeconds(5);

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

    String base;

    NewUser alice;

    NewUser bob;

    long aliceAccount;

    long bobAccount;

    int written;

    final List<EventClients.Received> open = new ArrayList<>();

    @BeforeEach
    void seed() {
        base = "http://127.0.0.1:" + port;
        alice = users.create("alice", Role.USER);
        bob = users.create("bob", Role.ADMIN);
        aliceAccount = account(alice);
        bobAccount = account(bob);
    }

    @AfterEach
    void closeStreams() {
        open.forEach(EventClients.Received::close);
    }

    @Test
    void sseCarriesOnlyTheCallersEventsInOrderAndResumesAfterTheLastOneWithoutGapOrDuplicate() {
        var first = sse(alice, "", null);
        write(alice, 3);
        write(bob, 2);
        assertThat(first.await(events -> events.size() >= 3, WAIT)).isTrue();
        first.close();
        write(alice, 2);

        var resumed = sse(alice, "", first.lastId());
        write(alice, 1);

        assertThat(resumed.await(events -> events.size() >= 3, WAIT)).as(resumed.events().toString()).isTrue();
        List<Long> all = new ArrayList<>(first.ids());
        all.addAll(resumed.ids());
        assertThat(all).hasSize(6).isSorted().doesNotHaveDuplicates().isEqualTo(logIds(alice));
        assertThat(meters.get(MetricNames.EVENT_STREAMS).tag("kind", "sse").gauge().value()).isOne();
        assertThat(meters.get(MetricNames.EVENTS_WRITTEN).tag("type", "transactions.changed").counter().count())
                .isGreaterThanOrEqualTo(6);
        assertThat(meters.get(MetricNames.EVENT_DELIVERY).tag("kind", "sse").timer().count()).isGreaterThanOrEqualTo(6);
        assertThat(first.events()).allSatisfy(event -> {
            assertThat(event.get("type").asString()).isEqualTo("transactions.changed");
            assertThat(event.get("userId").asLong()).isEqualTo(alice.id());
            assertThat(event.get("data").get("cursor").asString()).isNotBlank();
        });
    }

    @Test
    void anIdleStreamGetsHeartbeats() {
        var sse = sse(alice, "", null);
        var ws = EventClients.Ws.open(base, alice.token(), "", null);
        open.add(ws);

        assertThat(sse.await(events -> sse.heartbeats() >= 2, WAIT)).isTrue();
        assertThat(ws.await(events -> ws.heartbeats() >= 2, WAIT)).isTrue();
    }

    @Test
    void webSocketResumesFromItsFirstFrameWithATicket() {
        write(alice, 2);
        long firstId = logIds(alice).getFirst();
        String ticket = ticket(alice);

        var ws = EventClients.Ws.open(base, null, "?ticket=" + ticket, Long.toString(firstId));
        open.add(ws);
        write(alice, 1);
        write(bob, 1);

        assertThat(ws.await(events -> events.size() >= 2, WAIT)).isTrue();
        assertThat(ws.ids()).isEqualTo(logIds(alice).subList(1, 3));
    }

    @Test
    void aTicketIsRefusedOnceUsedAndOnceExpired() {
        String ticket = ticket(alice);
        open.add(EventClients.Ws.open(base, null, "?ticket=" + ticket, null));

        assertThat(refusal(ticket)).isEqualTo(401);
        String late = ticket(alice);
        clock.advance(Duration.ofSeconds(61));
        assertThat(refusal(late)).isEqualTo(401);
        assertThat(refusal("wst_forged")).isEqualTo(401);
    }

    /** The status of a refused WebSocket upgrade with the ticket. */
    private int refusal(String ticket) {
        try {
            open.add(EventClients.Ws.open(base, null, "?ticket=" + ticket, null));
            return 101;
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(java.net.http.WebSocketHandshakeException.class);
            return ((java.net.http.WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }

    @Test
    void anAdminFollowsEveryUserWithScopeAllAndAUserMayNot() {
        var everyone = sse(bob, "?scope=all", null);
        var ws = EventClients.Ws.open(base, bob.token(), "?scope=all&lastEventId=0", null);
        open.add(ws);
        write(alice, 1);
        write(bob, 1);

        assertThat(everyone.await(events -> events.size() >= 2, WAIT)).isTrue();
        assertThat(ws.await(events -> events.size() >= 2, WAIT)).isTrue();
        assertThat(everyone.ids()).isEqualTo(ws.ids());
        assertThat(Http.local(port).get("/api/events?scope=all", alice.token()).status()).isEqualTo(403);
    }

    @Test
    void aTokenHoldsABoundedNumberOfStreams() {
        sse(alice, "", null);
        sse(alice, "", null);
        open.add(EventClients.Ws.open(base, alice.token(), "", null));

        var refused = Http.local(port).get("/api/events", alice.token());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("code").asString()).isEqualTo("too_many_streams");
        assertThat(sse(bob, "", null).status()).isEqualTo(200);
    }

    @Test
    void refusesAResumePointThatIsNotAnEventId() {
        var http = Http.local(port);
        for (String query : List.of("?lastEventId=abc", "?lastEventId=-1", "?scope=everyone")) {
            var answer = http.get("/api/events" + query, alice.token());
            assertThat(answer.status()).as(query).isEqualTo(400);
        }
        var header = http.send(http.request("/api/events", alice.token()).header("Last-Event-ID", "x1").GET());
        assertThat(header.status()).isEqualTo(400);
    }

    private EventClients.Sse sse(NewUser user, String query, @org.jspecify.annotations.Nullable String last) {
        var sse = EventClients.Sse.open(base, user.token(), query, last);
        open.add(sse);
        assertThat(sse.status()).isEqualTo(200);
        return sse;
    }

    private String ticket(NewUser user) {
        JsonNode data = Http.local(port).postJson("/api/events/tickets", user.token(), "").json().get("data");
        return data.get("ticket").asString();
    }

    private List<Long> logIds(NewUser user) {
        return jdbc.sql("SELECT id FROM event_log WHERE user_id = :user ORDER BY id")
                .param("user", user.id())
                .query(Long.class)
                .list();
    }

    /** Writes {@code count} new transactions, one write each: one {@code transactions.changed} each. */
    private void write(NewUser user, int count) {
        long account = user == alice ? aliceAccount : bobAccount;
        for (int i = 0; i < count; i++) {
            written++;
            writer.writeTransactions(account, user.id(), "EUR", List.of(new ProviderTransaction("t" + written, "1",
                    LocalDate.of(2026, 6, 1), null, null, null, new BigDecimal("-1"), null, "Label", null, null,
                    "card", false, null, null, LocalDateTime.of(2026, 6, 1, 9, 0), null, null)));
        }
    }

    private long account(NewUser user) {
        long connection = new LedgerRows(jdbc).connection(user.id(), "Demo Bank");
        return writer.writeAccounts(connection, user.id(), List.of(new ProviderAccount("1", "c1", "Checking", null,
                "checking", null, null, "EUR", BigDecimal.TEN, null, null, null, null, null))).get("1");
    }
}
