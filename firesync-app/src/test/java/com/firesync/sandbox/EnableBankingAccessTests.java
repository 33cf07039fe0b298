package com.firesync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.sandbox.webhook.BackgroundRefresh;
import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.testing.MutableClock;
import com.firesync.testing.SandboxExtension;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Who may call the Enable Banking face and how often: application JWTs, the unattended-access limit of four calls per
 * account, day and kind, and the end of a session at {@code valid_until} or when deleted.
 */
class EnableBankingAccessTests {

    private static final KeyPair KEYS = EnableBankingHttp.newKeys();

    private static final KeyPair OTHER_KEYS = EnableBankingHttp.newKeys();

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-04-14T08:00:00Z"));

    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.quiet(clock, "--firesync.sandbox.history=P10D",
            "--firesync.sandbox.enablebanking.application-id=" + EnableBankingHttp.APPLICATION_ID,
            "--firesync.sandbox.enablebanking.page-size=5", EnableBankingHttp.publicKeySetting(KEYS));

    private static EnableBankingHttp eb;

    @BeforeAll
    static void connect() {
        eb = new EnableBankingHttp(sandbox.context(), KEYS, clock);
    }

    @Test
    void onlyJwtsOfTheApplicationsKeyWithinTheirLifeAreAccepted() throws Exception {
        Instant now = clock.instant();
        String app = EnableBankingHttp.APPLICATION_ID;
        assertThat(eb.ok(eb.send("GET", "/application", eb.jwt(), "", Map.of())).get("kid").asString())
                .isEqualTo(app);
        assertThat(refusal(EnableBankingHttp.jwt(OTHER_KEYS, app, now, now.plusSeconds(600))))
                .as("signed by another key").isEqualTo("UNAUTHORIZED_ACCESS");
        assertThat(refusal(EnableBankingHttp.jwt(KEYS, app, now.minusSeconds(3600), now.minusSeconds(1))))
                .as("expired").isEqualTo("UNAUTHORIZED_ACCESS");
        assertThat(refusal(EnableBankingHttp.jwt(KEYS, "2c9f1e0a-0000-4000-8000-000000000000", now,
                now.plusSeconds(600)))).as("another kid").isEqualTo("UNAUTHORIZED_ACCESS");
        assertThat(refusal(EnableBankingHttp.jwt(KEYS, app, now, now.plus(Duration.ofHours(25)))))
                .as("longer than a day").isEqualTo("UNAUTHORIZED_ACCESS");
        assertThat(refusal("not.a.jwt")).isEqualTo("UNAUTHORIZED_ACCESS");
        assertThat(refusal("")).as("no Authorization header").isEqualTo("AUTHORIZATION_NOT_PROVIDED");
    }

    @Test
    void theFifthUnattendedCallOfADayIsRefusedUntilTheNextDayButPresentUsersAreNotCounted() throws Exception {
        JsonNode session = eb.authorize("Demo Bank", "quota", Duration.ofDays(30));
        String uid = session.get("accounts").get(0).get("uid").asString();
        String transactions = "/accounts/" + uid + "/transactions";
        for (int call = 1; call <= 4; call++) {
            eb.ok(eb.get(transactions));
        }
        assertThat(eb.error(eb.get(transactions), 429)).isEqualTo("ASPSP_RATE_LIMIT_EXCEEDED");
        eb.ok(eb.get(transactions, EnableBankingHttp.PRESENT));
        eb.ok(eb.get("/accounts/" + uid + "/balances"));
        assertThat(eb.error(eb.get(transactions, Map.of("Psu-Ip-Address", "203.0.113.7")), 422))
                .isEqualTo("PSU_HEADER_NOT_PROVIDED");
        assertThat(eb.error(eb.get(transactions, Map.of("Psu-Ip-Address", "not-an-ip", "Psu-User-Agent", "x")), 422))
                .isEqualTo("PSU_HEADER_INVALID");

        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        assertThat(usage(uid, today, "transactions")).containsExactly(4L, 1L, 1L);
        assertThat(usage(uid, today, "balances")).containsExactly(1L, 0L, 0L);

        clock.set(today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(60));
        eb.ok(eb.get(transactions));
        assertThat(usage(uid, today.plusDays(1), "transactions")).containsExactly(1L, 0L, 0L);
    }

    @Test
    void furtherPagesOfAListAreNotCountedAgainstTheLimit() throws Exception {
        JsonNode session = eb.authorize("Demo Bank", "pages", Duration.ofDays(30));
        String uid = session.get("accounts").get(0).get("uid").asString();
        int[] pages = {0};
        eb.allTransactions(uid, "", Map.of(), pages);
        assertThat(pages[0]).isGreaterThan(2);
        assertThat(usage(uid, clock.instant().atZone(ZoneOffset.UTC).toLocalDate(), "transactions"))
                .containsExactly(1L, 0L, 0L);
    }

    @Test
    void aSessionEndsAtValidUntilAndWhenDeleted() throws Exception {
        JsonNode expiring = eb.authorize("Test Bank", "user", Duration.ofHours(2));
        String uid = expiring.get("accounts").get(0).get("uid").asString();
        eb.ok(eb.get("/accounts/" + uid + "/details", EnableBankingHttp.PRESENT));
        clock.advance(Duration.ofHours(2));
        assertThat(eb.error(eb.get("/accounts/" + uid + "/details", EnableBankingHttp.PRESENT), 401))
                .isEqualTo("EXPIRED_SESSION");
        assertThat(eb.ok(eb.get("/sessions/" + expiring.get("session_id").asString())).get("status").asString())
                .isEqualTo("EXPIRED");

        JsonNode closing = eb.authorize("Test Bank", "user", Duration.ofDays(5));
        String closingUid = closing.get("accounts").get(0).get("uid").asString();
        String id = closing.get("session_id").asString();
        assertThat(eb.ok(eb.send("DELETE", "/sessions/" + id, eb.jwt(), "", Map.of())).get("message").asString())
                .isEqualTo("OK");
        assertThat(eb.error(eb.get("/accounts/" + closingUid + "/balances", EnableBankingHttp.PRESENT), 401))
                .isEqualTo("CLOSED_SESSION");
        JsonNode closed = eb.ok(eb.get("/sessions/" + id));
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("closed").asString()).isNotBlank();
    }

    @Test
    void thePowensFaceRefreshLeavesTheBankCustomersConnectionsAlone() throws Exception {
        eb.authorize("Test Bank", "sca", Duration.ofDays(3));
        var world = sandbox.bean(SandboxWorld.class);
        assertThat(world.allConnections()).isNotEmpty();
        assertThat(sandbox.bean(BackgroundRefresh.class).refreshDue()).isZero();
        assertThat(world.allConnections()).allSatisfy(connection -> assertThat(connection.state()).isNull());
    }

    private static String refusal(String jwt) throws Exception {
        return eb.error(eb.send("GET", "/aspsps", jwt, "", Map.of()), 401);
    }

    /** The stats line of an account, day and kind: unattended, present, refused. */
    private static Long[] usage(String uid, LocalDate day, String kind) throws Exception {
        JsonNode stats = eb.ok(eb.send("GET", "/stats", "", "", Map.of()));
        for (JsonNode line : stats.get("calls")) {
            if (line.get("account").asString().equals(uid) && line.get("day").asString().equals(day.toString())
                    && line.get("kind").asString().equals(kind)) {
                return new Long[]{line.get("unattended").asLong(), line.get("present").asLong(),
                        line.get("refused").asLong()};
            }
        }
        return new Long[]{0L, 0L, 0L};
    }
}
