package com.firesync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.testing.MutableClock;
import com.firesync.testing.SandboxExtension;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.stream.Stream;
import org.iban4j.IbanUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every route, {@code expand} and error the FireSync Powens client meets, called over real HTTP on a running sandbox,
 * each answer (status and body) validated against Powens' official OpenAPI description ({@link PowensSpec}; its
 * departures from the description are all in {@link PowensSpecExemptions}). Adding a route is one line in
 * {@link #calls()}.
 */
class PowensApiContractTests {

    private static final String CLIENT = "\"client_id\":\"" + SandboxHttp.CLIENT_ID + "\",\"client_secret\":\""
            + SandboxHttp.CLIENT_SECRET + "\"";

    private static final String RENEW = "{\"grant_type\":\"client_credentials\"," + CLIENT
            + ",\"id_user\":{user},\"revoke_previous\":";

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-07-01T10:00:00Z"));

    @RegisterExtension
    static final SandboxExtension sandbox = SandboxExtension.on(clock, "--firesync.sandbox.history=P40D",
            "--firesync.sandbox.refresh-interval=0s", "--firesync.sandbox.accounts-per-connection=5");

    /** The fixture's Demo Bank household (seed 42, first connection) repays a mortgage: all five accounts. */
    private static final int FIXTURE_ACCOUNTS = 5;

    private static SandboxHttp http;

    private static PowensSpec spec;

    private static Caller.Fixture user;

    @BeforeAll
    static void connect() throws Exception {
        spec = PowensSpec.get();
        http = SandboxHttp.of(sandbox.context());
        user = Caller.Fixture.connected(http);
    }

    /** What the client sends (PowensAuth, PowensClient, TransactionListing), then the errors it can meet. */
    static Stream<Call> calls() {
        return Stream.of(
                Call.send("POST", "/auth/init", "{" + CLIENT + "}").as(Caller.NONE),
                Call.send("POST", "/auth/renew", RENEW + "false}").as(Caller.NONE),
                Call.send("POST", "/auth/renew", RENEW + "true}").as(Caller.SPARE),
                Call.get("/auth/token/code?type=singleAccess"),
                Call.send("DELETE", "/auth/token", "").as(Caller.SPARE).answers(204),
                Call.get("/users/me"),
                Call.get("/users/me/connections"),
                Call.get("/users/me/connections?expand=connector"),
                Call.get("/users/me/connections?expand=connector,accounts"),
                Call.get("/users/me/connections?expand=connector,all_accounts"),
                Call.get("/users/me/connections/{connection}"),
                Call.get("/users/me/connections/{connection}?expand=connector"),
                Call.get("/users/me/connections/{connection}?expand=connector,all_accounts"),
                Call.get("/users/me/connections/{connection}?expand=accounts,all_accounts,connector"),
                Call.send("POST", "/users/me/connections/{connection}", "{}"),
                Call.send("POST", "/users/me/connections/{connection}?expand=connector", "{\"resume\":\"true\"}"),
                Call.send("PUT", "/users/me/connections/{connection}", ""),
                Call.send("DELETE", "/users/me/connections/{connection}", "").as(Caller.SPARE).answers(204),
                Call.send("DELETE", "/users/me", "").as(Caller.SPARE).answers(204),
                Call.get("/users/me/accounts"),
                Call.get("/users/me/accounts?all"),
                Call.get("/users/me/connections/{connection}/accounts"),
                Call.get("/users/me/transactions?limit=25&min_date=2026-06-01&all").paged(),
                Call.get("/users/me/transactions?limit=1000&min_date=2026-06-01&last_update=2026-06-20%2010:00:00&all"),
                Call.get("/users/me/transactions?min_date=2026-06-10&max_date=2026-06-20&filter=date&limit=10").paged(),
                Call.get("/users/me/transactions?min_date=2026-06&max_date=2026&filter=application_date"),
                Call.get("/users/me/transactions"),
                Call.get("/users/me/connections/{connection}/transactions?limit=25&min_date=2026-06-01&all").paged(),
                Call.get("/users/me/connections/{connection}/transactions?last_update=2026-06-25%2008:00:00&all"),
                Call.get("/users/me/accounts/{account}/transactions?limit=10&min_date=2026-06-01&all").paged(),
                Call.get("/users/me/accounts/{account}/transactions?max_date=2026-06-15&filter=date&limit=5"),
                Call.get("/categories"),
                Call.get("/users/me/categories"),
                // errors
                Call.send("POST", "/auth/init", "{\"client_id\":\"firesync-sandbox\",\"client_secret\":\"nope\"}")
                        .as(Caller.NONE)
                        .answers(403),
                Call.get("/users/me/transactions?limit=x").answers(400),
                Call.get("/users/me/transactions?limit=1001").answers(400),
                Call.get("/users/me/transactions?min_date=yesterday").answers(400),
                Call.get("/users/me/transactions?filter=value").answers(400),
                Call.get("/users/me/transactions?last_update=soon").answers(400),
                Call.get("/auth/token/code?type=forever").answers(400),
                Call.get("/users/me/accounts").as(Caller.EMPTY).answers(400),
                Call.get("/users/me/transactions").as(Caller.EMPTY).answers(400),
                Call.get("/users/me/connections").as(Caller.NONE).answers(401),
                Call.get("/users/me/accounts").as(Caller.INVALID).answers(401),
                Call.get("/auth/token/code").as(Caller.NONE).answers(401),
                Call.get("/users/me/connections/999999").answers(404),
                Call.send("DELETE", "/users/me/connections/999999", "").answers(404),
                Call.get("/users/me/connections/999999/transactions").answers(404),
                Call.get("/users/me/accounts/999999/transactions").answers(404),
                Call.get("/users/me/nothing-here").answers(404),
                Call.get("/nothing/here").as(Caller.NONE).answers(404),
                Call.send("PATCH", "/users/me/connections/{connection}", "{}").answers(405));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void answersAsTheDescriptionSays(Call call) throws Exception {
        Caller.Fixture caller = call.caller().fixture(http, user);
        String path = PowensSpec.BASE_PATH + caller.fill(call.path());
        String body = caller.fill(call.body());
        var response = http.send(call.method(), path, caller.token(), body, body.isEmpty() ? "" : "application/json");

        assertThat(response.statusCode()).as(call + " answered " + response.body()).isEqualTo(call.status());
        assertConforms(call.method(), path, response);
        if (call.allPages()) {
            assertThat(followNext(response, caller.token())).as("pages").isGreaterThan(1);
        }
    }

    @Test
    void theValidatorReportsAMissingRequiredField() throws Exception {
        String path = PowensSpec.BASE_PATH + user.fill("/users/me/connections/{connection}?expand=connector");
        var response = http.get(path, user.token());
        assertConforms("GET", path, response);

        ObjectNode connection = (ObjectNode) http.json.readTree(response.body());
        connection.remove("created");
        ((ObjectNode) connection.get("connector")).remove("capabilities");
        assertThat(spec.violations("GET", path, 200, "application/json", connection.toString()))
                .anySatisfy(violation -> assertThat(violation)
                        .contains("required").contains("created"))
                .anySatisfy(violation -> assertThat(violation).contains("required").contains("capabilities"));
    }

    @Test
    void eachExpandAnswersUnderItsOwnName() throws Exception {
        String connection = PowensSpec.BASE_PATH + user.fill("/users/me/connections/{connection}");

        JsonNode all = http.getJson(connection + "?expand=all_accounts", user.token());
        JsonNode enabled = http.getJson(connection + "?expand=accounts", user.token());
        JsonNode both = http.getJson(connection + "?expand=connector,accounts,all_accounts", user.token());

        assertThat(all.has("accounts")).isFalse();
        assertThat(all.get("all_accounts")).hasSize(FIXTURE_ACCOUNTS);
        assertThat(all.has("connector")).isFalse();
        assertThat(enabled.has("all_accounts")).isFalse();
        assertThat(enabled.get("accounts")).hasSize(FIXTURE_ACCOUNTS);
        assertThat(both.get("accounts")).hasSize(FIXTURE_ACCOUNTS);
        assertThat(both.get("all_accounts")).hasSize(FIXTURE_ACCOUNTS);
        assertThat(both.get("connector").get("capabilities").valueStream().map(JsonNode::asString)).contains("bank");
    }

    @Test
    void theDemoHouseholdShowsItsInvestmentAndItsMortgageWithPowensLoanDetails() throws Exception {
        JsonNode accounts = http.getJson(PowensSpec.BASE_PATH + "/users/me/accounts", user.token()).get("accounts");
        JsonNode loan = accounts.valueStream().filter(account -> account.get("type").asString().equals("loan"))
                .findFirst().orElseThrow().get("loan");

        assertThat(accounts.valueStream().map(account -> account.get("type").asString()))
                .containsExactly("checking", "savings", "card", "pea", "loan");
        assertThat(loan.get("type").asString()).isEqualTo("mortgage");
        assertThat(loan.get("nb_payments_done").asInt() + loan.get("nb_payments_left").asInt())
                .isEqualTo(loan.get("nb_payments_total").asInt());
        assertThat(accounts.get(4).get("balance").decimalValue()).isNegative();
    }

    @Test
    void ibansCarryValidCheckDigits() throws Exception {
        JsonNode accounts = http.getJson(PowensSpec.BASE_PATH + "/users/me/accounts", user.token()).get("accounts");

        assertThat(accounts).hasSize(FIXTURE_ACCOUNTS).allSatisfy(account -> {
            String iban = account.get("iban").asString();
            IbanUtil.validate(iban);
            // a French IBAN carries the account number between the branch code and the RIB key
            assertThat(iban.substring(14, 25)).isEqualTo(account.get("number").asString());
        });
        assertThat(accounts).extracting(account -> account.get("iban").asString()).doesNotHaveDuplicates();
    }

    @Test
    void resultDatesFollowTheFilteredDate() throws Exception {
        for (String filter : new String[]{"application_date", "date"}) {
            JsonNode page = http.getJson(PowensSpec.BASE_PATH + "/users/me/transactions?min_date=2026-06-01&filter="
                    + filter + "&limit=1000", user.token());
            var days = page.get("transactions").valueStream().map(row -> row.get(filter).asString()).sorted().toList();

            assertThat(days).as(filter).isNotEmpty();
            assertThat(page.get("result_min_date").asString()).as(filter).isEqualTo(days.getFirst());
            assertThat(page.get("result_max_date").asString()).as(filter).isEqualTo(days.getLast());
        }
    }

    private static void assertConforms(String method, String path, HttpResponse<String> response) {
        assertThat(spec.violations(method, path, response)).as(method + " " + path + " answered " + response
                .statusCode() + " " + response.body()).isEmpty();
    }

    /** Follows {@code _links.next} verbatim, validating every page; answers the number of pages. */
    private static int followNext(HttpResponse<String> first, String token) throws IOException, InterruptedException {
        int pages = 1;
        JsonNode next = http.json.readTree(first.body()).get("_links").get("next");
        while (!next.isNull()) {
            String href = next.get("href").asString();
            var page = http.get(href, token);
            assertThat(page.statusCode()).as(href).isEqualTo(200);
            assertConforms("GET", href, page);
            next = http.json.readTree(page.body()).get("_links").get("next");
            pages++;
        }
        return pages;
    }

    /**
     * One request of the client, relative to {@code /sandbox/2.0}: {@code {connection}}, {@code {account}} and
     * {@code {user}} stand for the caller's connection, its checking account and its user id.
     */
    record Call(String method, String path, String body, Caller caller, int status, boolean allPages) {

        static Call get(String path) {
            return send("GET", path, "");
        }

        static Call send(String method, String path, String body) {
            return new Call(method, path, body, Caller.USER, 200, false);
        }

        Call as(Caller who) {
            return new Call(method, path, body, who, status, allPages);
        }

        Call answers(int expected) {
            return new Call(method, path, body, caller, expected, allPages);
        }

        /** Also follow {@code _links.next} to the last page, validating each. */
        Call paged() {
            return new Call(method, path, body, caller, status, true);
        }

        @Override
        public String toString() {
            return caller + " " + method + " " + path + " -> " + status;
        }
    }

    /** Who calls. */
    enum Caller {

        /** A user with one Demo Bank connection (three accounts), shared by the calls. */
        USER,
        /** A user with a connection of its own, made for this call alone (for calls that revoke or delete). */
        SPARE,
        /** A user without any connection. */
        EMPTY,
        /** No {@code Authorization} header. */
        NONE,
        /** A bearer token the sandbox never issued. */
        INVALID;

        Fixture fixture(SandboxHttp http, Fixture shared) throws IOException, InterruptedException {
            return switch (this) {
                case USER -> shared;
                case SPARE -> Fixture.connected(http);
                case EMPTY -> {
                    String token = http.init();
                    yield new Fixture(token, http.getJson(PowensSpec.BASE_PATH + "/users/me", token).get("id")
                            .asLong(), 999_999);
                }
                case NONE -> new Fixture("", shared.userId(), shared.connection());
                case INVALID -> new Fixture("not-a-token", shared.userId(), shared.connection());
            };
        }

        record Fixture(String token, long userId, long connection) {

            private static int logins;

            static Fixture connected(SandboxHttp http) throws IOException, InterruptedException {
                String token = http.init();
                long userId = http.getJson(PowensSpec.BASE_PATH + "/users/me", token).get("id").asLong();
                return new Fixture(token, userId, http.connect(token, "demo", "contract" + logins++));
            }

            String fill(String text) {
                return text.replace("{connection}", Long.toString(connection))
                        .replace("{account}", Long.toString(connection * 10 + 1))
                        .replace("{user}", Long.toString(userId));
            }
        }
    }
}
