package com.firesync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.sandbox.world.LedgerAccount;
import com.firesync.sandbox.world.LedgerTransaction;
import com.firesync.sandbox.world.SandboxConnection;
import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.testing.MutableClock;
import com.firesync.testing.SandboxExtension;
import java.math.BigDecimal;
import java.net.URI;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox's Enable Banking face over real HTTP against the standalone sandbox: the authorisation flow by forms,
 * sessions, and accounts, balances and transactions equal to the world's expected ledger.
 */
class EnableBankingFaceTests {

    private static final KeyPair KEYS = EnableBankingHttp.newKeys();

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T10:15:00Z"));

    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.quiet(clock, "--firesync.sandbox.history=P20D",
            "--firesync.sandbox.enablebanking.application-id=" + EnableBankingHttp.APPLICATION_ID,
            "--firesync.sandbox.enablebanking.page-size=7", EnableBankingHttp.publicKeySetting(KEYS));

    private static EnableBankingHttp eb;

    private static SandboxWorld world;

    @BeforeAll
    static void connect() {
        eb = new EnableBankingHttp(sandbox.context(), KEYS, clock);
        world = sandbox.bean(SandboxWorld.class);
    }

    @Test
    void bankListHoldsTheSandboxBanksFilteredByCountry() throws Exception {
        JsonNode french = eb.ok(eb.get("/aspsps?country=FR&psu_type=personal")).get("aspsps");
        assertThat(french).extracting(bank -> bank.get("name").asString()).containsExactly("Demo Bank", "Test Bank");
        JsonNode demo = french.get(0);
        assertThat(demo.get("country").asString()).isEqualTo("FR");
        assertThat(demo.get("maximum_consent_validity").asLong()).isEqualTo(Duration.ofDays(180).toSeconds());
        assertThat(demo.get("sandbox").get("users").get(0).get("username").asString()).isNotBlank();
        assertThat(demo.get("auth_methods").get(0).get("approach").asString()).isEqualTo("REDIRECT");
        assertThat(demo.get("required_psu_headers")).extracting(JsonNode::asString)
                .containsExactly("Psu-Ip-Address", "Psu-User-Agent");
        assertThat(eb.ok(eb.get("/aspsps?country=FI")).get("aspsps")).isEmpty();
        assertThat(eb.error(eb.get("/aspsps?country=fr"), 422)).isEqualTo("WRONG_REQUEST_PARAMETERS");
    }

    @Test
    void authorisationByFormsGivesASessionWhoseDataEqualsTheExpectedLedger() throws Exception {
        JsonNode started = eb.startAuthorization("Demo Bank", Duration.ofDays(90), "state-1");
        assertThat(started.get("authorization_id").asString()).isNotBlank();
        assertThat(started.get("psu_id_hash").asString()).isNotBlank();
        var page = eb.send("GET", started.get("url").asString(), "", "", Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Demo Bank", "name=\"login\"", "name=\"password\"");
        URI back = eb.submit(started.get("url").asString(), "alice", "secret", "authorize");
        Map<String, String> query = SandboxHttp.query(back.toString());
        assertThat(back.toString()).startsWith(EnableBankingHttp.REDIRECT + "?");
        assertThat(query).containsEntry("state", "state-1").containsKey("code");

        JsonNode session = eb.ok(eb.send("POST", "/sessions", eb.jwt(), "{\"code\":\"" + query.get("code") + "\"}",
                Map.of()));
        assertThat(session.get("access").get("valid_until").asString())
                .isEqualTo(clock.instant().plus(Duration.ofDays(90)).atOffset(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx")));
        assertThat(session.get("aspsp").get("name").asString()).isEqualTo("Demo Bank");
        JsonNode accounts = session.get("accounts");
        assertThat(accounts).hasSize(3).allSatisfy(account -> {
            assertThat(account.get("uid").asString()).isNotBlank();
            assertThat(account.get("identification_hash").asString()).contains(".");
            assertThat(account.get("currency").asString()).isEqualTo("EUR");
        });
        JsonNode state = eb.ok(eb.get("/sessions/" + session.get("session_id").asString()));
        assertThat(state.get("status").asString()).isEqualTo("AUTHORIZED");
        assertThat(state.get("accounts")).extracting(JsonNode::asString)
                .containsExactlyElementsOf(accounts.valueStream().map(a -> a.get("uid").asString()).toList());

        SandboxConnection connection = connectionOf(accounts.get(0).get("account_id").get("iban").asString());
        var expected = world.expectedLedger(connection.id(), clock.instant());
        boolean sawPending = false;
        int pages = 0;
        for (JsonNode account : accounts) {
            String uid = account.get("uid").asString();
            LedgerAccount ledger = expected.accounts().stream()
                    .filter(a -> a.iban().equals(account.get("account_id").get("iban").asString()))
                    .findFirst()
                    .orElseThrow();
            JsonNode details = eb.ok(eb.get("/accounts/" + uid + "/details"));
            assertThat(details.get("identification_hash").asString())
                    .isEqualTo(account.get("identification_hash").asString());
            JsonNode balances = eb.ok(eb.get("/accounts/" + uid + "/balances")).get("balances");
            assertThat(amount(balances, "CLBD")).isEqualByComparingTo(cents(ledger.balanceCents()));
            assertThat(amount(balances, "XPCD"))
                    .isEqualByComparingTo(cents(ledger.balanceCents() + ledger.comingCents()));

            int[] counted = {0};
            List<JsonNode> rows = eb.allTransactions(uid, "", Map.of(), counted);
            pages += counted[0];
            List<LedgerTransaction> expectedRows = expected.liveTransactions().stream()
                    .filter(row -> row.accountId() == ledger.id())
                    .toList();
            assertThat(signatures(rows)).containsExactlyInAnyOrderElementsOf(expectedSignatures(expectedRows));
            assertThat(rows).hasSize(expectedRows.size());
            assertThat(rows).allSatisfy(row -> {
                boolean pending = row.get("status").asString().equals("PDNG");
                assertThat(row.has("transaction_id")).as(row.toString()).isEqualTo(!pending);
                assertThat(row.get("transaction_amount").get("amount").asString()).doesNotStartWith("-");
            });
            sawPending |= rows.stream().anyMatch(row -> row.get("status").asString().equals("PDNG"));
        }
        assertThat(sawPending).as("the household has pending rows").isTrue();
        assertThat(pages).as("rows come seven to a page").isGreaterThan(accounts.size() * 3);
    }

    @Test
    void pendingRowsHaveNoIdAndBookLaterUnderATransactionId() throws Exception {
        JsonNode session = eb.authorize("Test Bank", "churn", Duration.ofDays(30));
        String uid = session.get("accounts").get(0).get("uid").asString();
        List<JsonNode> before = eb.allTransactions(uid, "transaction_status=PDNG", EnableBankingHttp.PRESENT,
                new int[1]);
        assertThat(before).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get("status").asString()).isEqualTo("PDNG");
            assertThat(row.has("transaction_id")).isFalse();
            assertThat(row.has("booking_date")).isFalse();
        });

        clock.advance(Duration.ofDays(8));
        List<JsonNode> after = eb.allTransactions(uid, "", EnableBankingHttp.PRESENT, new int[1]);
        Set<String> bookedIds = after.stream()
                .filter(row -> row.get("status").asString().equals("BOOK"))
                .map(row -> row.get("transaction_id").asString())
                .collect(Collectors.toSet());
        Set<String> stillThere = after.stream().map(row -> row.get("entry_reference").asString())
                .collect(Collectors.toSet());
        int booked = 0;
        for (JsonNode pending : before) {
            String reference = pending.get("entry_reference").asString();
            long id = Long.parseLong(reference.substring("PDNG-".length()));
            assertThat(stillThere).as("a pending row eight days old has booked or gone").doesNotContain(reference);
            if (bookedIds.contains(Long.toString(id)) || bookedIds.contains(Long.toString(id + 50))) {
                booked++;
            }
        }
        assertThat(booked).as("pending rows that booked under a transaction id").isPositive();
        SandboxConnection connection = connectionOf(session.get("accounts").get(0).get("account_id").get("iban")
                .asString());
        LedgerAccount ledger = world.accounts(connection, clock.instant()).get(0);
        assertThat(signatures(after)).containsExactlyInAnyOrderElementsOf(expectedSignatures(
                world.expectedLedger(connection.id(), clock.instant()).liveTransactions().stream()
                        .filter(row -> row.accountId() == ledger.id())
                        .toList()));
    }

    @Test
    void datesLimitTheRowsByBookingDate() throws Exception {
        JsonNode session = eb.authorize("Demo Bank", "dora", Duration.ofDays(10));
        JsonNode account = session.get("accounts").get(0);
        LocalDate today = clock.instant().atZone(ZoneId.of("Europe/Paris")).toLocalDate();
        LocalDate from = today.minusDays(8);
        LocalDate to = today.minusDays(3);
        List<JsonNode> rows = eb.allTransactions(account.get("uid").asString(),
                "date_from=" + from + "&date_to=" + to, EnableBankingHttp.PRESENT, new int[1]);
        SandboxConnection connection = connectionOf(account.get("account_id").get("iban").asString());
        long accountId = world.accounts(connection, clock.instant()).get(0).id();
        List<LedgerTransaction> expected = world.expectedLedger(connection.id(), clock.instant()).liveTransactions()
                .stream()
                .filter(row -> row.accountId() == accountId && !row.date().isBefore(from) && !row.date().isAfter(to))
                .toList();
        assertThat(expected).isNotEmpty();
        assertThat(signatures(rows)).containsExactlyInAnyOrderElementsOf(expectedSignatures(expected));
    }

    @Test
    void aCappedBankRefusesAnOlderPeriodSayingFromWhenItListsAndServesWhatItAllows() throws Exception {
        JsonNode account = eb.authorize("Test Bank", "capped:10", Duration.ofDays(10)).get("accounts").get(0);
        String list = "/accounts/" + account.get("uid").asString() + "/transactions?";
        LocalDate earliest = clock.instant().atZone(ZoneId.of("Europe/Paris")).toLocalDate().minusDays(10);

        var refused = eb.get(list + "date_from=" + earliest.minusDays(1), EnableBankingHttp.PRESENT);

        assertThat(eb.error(refused, 422)).isEqualTo("WRONG_TRANSACTIONS_PERIOD");
        JsonNode detail = eb.json.readTree(refused.body()).get("detail");
        assertThat(detail.isObject()).as(refused.body()).isTrue();
        assertThat(detail.get("date_from").asString()).isEqualTo(earliest.toString());
        List<String> allowed = expectedSignatures(rowsFrom(account, earliest));
        assertThat(allowed).isNotEmpty();
        for (String query : List.of("", "date_from=" + earliest, "date_from=" + earliest.minusDays(5)
                + "&strategy=longest")) {
            assertThat(signatures(eb.allTransactions(account.get("uid").asString(), query,
                    EnableBankingHttp.PRESENT, new int[1]))).as(query).containsExactlyInAnyOrderElementsOf(allowed);
        }
    }

    @Test
    void aStrictBankRefusesAnOlderPeriodAndTheLongestSearchWithoutSayingMore() throws Exception {
        JsonNode account = eb.authorize("Test Bank", "strict:10", Duration.ofDays(10)).get("accounts").get(0);
        String uid = account.get("uid").asString();
        LocalDate earliest = clock.instant().atZone(ZoneId.of("Europe/Paris")).toLocalDate().minusDays(10);

        for (String query : List.of("date_from=" + earliest.minusDays(1),
                "date_from=" + earliest.minusDays(1) + "&strategy=longest")) {
            var refused = eb.get("/accounts/" + uid + "/transactions?" + query, EnableBankingHttp.PRESENT);
            assertThat(eb.error(refused, 422)).as(query).isEqualTo("WRONG_TRANSACTIONS_PERIOD");
            assertThat(eb.json.readTree(refused.body()).get("detail").isString()).as(refused.body()).isTrue();
        }
        List<String> allowed = expectedSignatures(rowsFrom(account, earliest));
        assertThat(signatures(eb.allTransactions(uid, "", EnableBankingHttp.PRESENT, new int[1])))
                .containsExactlyInAnyOrderElementsOf(allowed);
        assertThat(signatures(eb.allTransactions(uid, "date_from=" + earliest, EnableBankingHttp.PRESENT,
                new int[1]))).containsExactlyInAnyOrderElementsOf(allowed);
    }

    @Test
    void aNewConsentOfTheSameCustomerShowsTheSameAccountsUnderNewUids() throws Exception {
        JsonNode first = eb.authorize("Demo Bank", "erin", Duration.ofDays(10));
        JsonNode second = eb.authorize("Demo Bank", "erin", Duration.ofDays(10));
        assertThat(second.get("session_id").asString()).isNotEqualTo(first.get("session_id").asString());
        assertThat(hashes(second)).isEqualTo(hashes(first));
        assertThat(uids(second)).doesNotContainAnyElementsOf(uids(first));
        var booked = "transaction_status=BOOK";
        assertThat(references(eb.allTransactions(uids(second).get(0), booked, EnableBankingHttp.PRESENT, new int[1])))
                .isEqualTo(references(eb.allTransactions(uids(first).get(0), booked, EnableBankingHttp.PRESENT,
                        new int[1])));
        JsonNode other = eb.authorize("Demo Bank", "frank", Duration.ofDays(10));
        assertThat(hashes(other)).doesNotContainAnyElementsOf(hashes(first));
    }

    @Test
    void badRequestsAreRefusedInEnableBankingsErrorShape() throws Exception {
        String in90Days = clock.instant().plus(Duration.ofDays(90)).toString();
        assertThat(eb.error(eb.send("POST", "/auth", eb.jwt(), EnableBankingHttp.authBody("Demo Bank", in90Days, "s",
                "https://elsewhere.example/cb"), Map.of()), 422)).isEqualTo("REDIRECT_URI_NOT_ALLOWED");
        assertThat(eb.error(eb.send("POST", "/auth", eb.jwt(), EnableBankingHttp.authBody("Nordea", in90Days, "s",
                EnableBankingHttp.REDIRECT), Map.of()), 422)).isEqualTo("WRONG_ASPSP_PROVIDED");
        String tooLong = clock.instant().plus(Duration.ofDays(181)).toString();
        assertThat(eb.error(eb.send("POST", "/auth", eb.jwt(), EnableBankingHttp.authBody("Demo Bank", tooLong, "s",
                EnableBankingHttp.REDIRECT), Map.of()), 422)).isEqualTo("WRONG_REQUEST_PARAMETERS");
        assertThat(eb.error(eb.send("POST", "/auth", eb.jwt(), EnableBankingHttp.authBody("Demo Bank",
                "2026-05-01T00:00:00", "s", EnableBankingHttp.REDIRECT), Map.of()), 422))
                .isEqualTo("WRONG_REQUEST_PARAMETERS");
        assertThat(eb.error(eb.send("POST", "/auth", eb.jwt(), "{not json", Map.of()), 422))
                .isEqualTo("WRONG_REQUEST_PARAMETERS");

        JsonNode started = eb.startAuthorization("Demo Bank", Duration.ofDays(1), "cancelled-state");
        URI cancelled = eb.submit(started.get("url").asString(), "", "", "cancel");
        assertThat(SandboxHttp.query(cancelled.toString())).containsEntry("error", "access_denied")
                .containsEntry("state", "cancelled-state")
                .containsKey("error_description");

        JsonNode again = eb.startAuthorization("Demo Bank", Duration.ofDays(1), "twice");
        String code = SandboxHttp.query(eb.submit(again.get("url").asString(), "gina", "secret", "authorize")
                .toString()).get("code");
        var page = eb.send("GET", again.get("url").asString(), "", "", Map.of());
        assertThat(page.statusCode()).as("a completed authorisation's page").isEqualTo(400);
        String body = "{\"code\":\"" + code + "\"}";
        JsonNode session = eb.ok(eb.send("POST", "/sessions", eb.jwt(), body, Map.of()));
        assertThat(eb.error(eb.send("POST", "/sessions", eb.jwt(), body, Map.of()), 422))
                .isEqualTo("ALREADY_AUTHORIZED");
        assertThat(eb.error(eb.send("POST", "/sessions", eb.jwt(), "{\"code\":\"nope\"}", Map.of()), 422))
                .isEqualTo("WRONG_AUTHORIZATION_CODE");

        String uid = session.get("accounts").get(0).get("uid").asString();
        String list = "/accounts/" + uid + "/transactions?";
        assertThat(eb.error(eb.get(list + "continuation_key=bm9wZQ"), 422)).isEqualTo("WRONG_CONTINUATION_KEY");
        assertThat(eb.error(eb.get(list + "date_to=2026-03-01"), 422)).isEqualTo("DATE_TO_WITHOUT_DATE_FROM");
        assertThat(eb.error(eb.get(list + "date_from=2030-01-01"), 422)).isEqualTo("DATE_FROM_IN_FUTURE");
        assertThat(eb.error(eb.get(list + "date_from=2026-03-05&date_to=2026-03-01"), 422))
                .isEqualTo("WRONG_DATE_INTERVAL");
        assertThat(eb.error(eb.get(list + "date_from=yesterday"), 422)).isEqualTo("WRONG_REQUEST_PARAMETERS");
        assertThat(eb.error(eb.get("/accounts/" + UUID.randomUUID() + "/details"), 404))
                .isEqualTo("ACCOUNT_DOES_NOT_EXIST");
        assertThat(eb.error(eb.get("/sessions/" + UUID.randomUUID()), 404))
                .isEqualTo("SESSION_DOES_NOT_EXIST");
    }

    /** The world's live rows of a session's account dated from {@code day} on. */
    private static List<LedgerTransaction> rowsFrom(JsonNode account, LocalDate day) {
        SandboxConnection connection = connectionOf(account.get("account_id").get("iban").asString());
        String iban = account.get("account_id").get("iban").asString();
        long accountId = world.accounts(connection, clock.instant()).stream()
                .filter(a -> a.iban().equals(iban))
                .findFirst()
                .orElseThrow()
                .id();
        return world.expectedLedger(connection.id(), clock.instant()).liveTransactions().stream()
                .filter(row -> row.accountId() == accountId && !row.date().isBefore(day))
                .toList();
    }

    private static SandboxConnection connectionOf(String iban) {
        return world.allConnections().stream()
                .filter(c -> world.accounts(c, clock.instant()).stream().anyMatch(a -> a.iban().equals(iban)))
                .findFirst()
                .orElseThrow();
    }

    private static BigDecimal amount(JsonNode balances, String type) {
        for (JsonNode balance : balances) {
            if (balance.get("balance_type").asString().equals(type)) {
                return new BigDecimal(balance.get("balance_amount").get("amount").asString());
            }
        }
        throw new AssertionError("No " + type + " balance in " + balances);
    }

    private static BigDecimal cents(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static List<String> signatures(List<JsonNode> rows) {
        return rows.stream().map(row -> {
            boolean pending = row.get("status").asString().equals("PDNG");
            String date = pending ? row.get("transaction_date").asString() : row.get("booking_date").asString();
            String sign = row.get("credit_debit_indicator").asString().equals("DBIT") ? "-" : "";
            return row.get("status").asString() + "|" + sign
                    + new BigDecimal(row.get("transaction_amount").get("amount").asString()).toPlainString() + "|"
                    + date + "|" + (pending ? "-" : row.get("transaction_id").asString()) + "|"
                    + row.get("entry_reference").asString();
        }).toList();
    }

    private static List<String> expectedSignatures(List<LedgerTransaction> rows) {
        return rows.stream().map(row -> {
            String id = Long.toString(row.id());
            return (row.coming() ? "PDNG" : "BOOK") + "|" + cents(row.valueCents()).toPlainString() + "|"
                    + (row.coming() ? row.rdate() : row.date()) + "|" + (row.coming() ? "-" : id) + "|"
                    + (row.coming() ? "PDNG-" + id : id);
        }).toList();
    }

    private static Set<String> hashes(JsonNode session) {
        Set<String> hashes = new HashSet<>();
        session.get("accounts").forEach(account -> hashes.add(account.get("identification_hash").asString()));
        return hashes;
    }

    private static List<String> uids(JsonNode session) {
        return session.get("accounts").valueStream().map(account -> account.get("uid").asString()).toList();
    }

    private static Set<String> references(List<JsonNode> rows) {
        return rows.stream().map(row -> row.get("entry_reference").asString()).collect(Collectors.toSet());
    }
}
