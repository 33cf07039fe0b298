package com.firesync.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.shared.Sha256;
import com.firesync.testing.FireSyncProcess;
import com.firesync.testing.TestDatabase;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The export streams: FireSync runs in a child JVM with a 96 MB heap, and exports a user holding 50,000 transactions
 * whose labels make the document several times larger than that whole heap, so that no implementation holding the
 * rows or the document in memory could answer it. The test reads the answer as a stream too, and checks it holds
 * every row, parses, and carries no secret. It runs once, on PostgreSQL: the export's code is the same on H2, and
 * seeding 50,000 rows through H2's server mode costs minutes of the build.
 */
@Tag("postgresql-only")
class ExportMemoryTests {

    private static final int TRANSACTIONS = 50_000;

    private static final String LABEL = "x".repeat(990);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void exportsFiftyThousandTransactionsLargerThanTheHeapInConstantMemory() throws Exception {
        Map<String, String> environment = new HashMap<>(TestDatabase.forChildProcesses("fs_export_" + ProcessHandle
                .current().pid(), dir));
        environment.put("FIRESYNC_DATA_DIR", dir.resolve("data").toString());
        environment.put("ENABLE_SCHEDULED_SYNC", "false");
        try (var firesync = FireSyncProcess.start(environment, dir.resolve("firesync.log"), "-Xmx96m")) {
            String admin = Files.readString(dir.resolve("data/admin-token")).strip();
            var created = firesync.http().postJson("/api/admin/users", admin, "{\"name\":\"alice\"}").json().get(
                    "data");
            long alice = created.get("id").asLong();
            String token = created.get("token").asString();
            seed(environment, alice);
            long heapMax = firesync.http().get("/sandbox/stats", null).json().get("heap_max_bytes").asLong();

            Export export = export(firesync.port(), token);

            assertThat(export.status()).isEqualTo(200);
            assertThat(export.transactionIds()).hasSize(TRANSACTIONS);
            assertThat(export.bytes()).as("the document is larger than the whole heap").isGreaterThan(heapMax * 3 / 2);
            assertThat(export.secrets()).as("secrets in the export").isEmpty();
            assertThat(firesync.http().get("/api/accounts", token).json().get("data").size()).as("still serving")
                    .isOne();
        }
    }

    private void seed(Map<String, String> environment, long userId) {
        var dataSource = new DriverManagerDataSource(environment.get("FIRESYNC_DB_URL"), environment.get(
                "FIRESYNC_DB_USER"), environment.get("FIRESYNC_DB_PASSWORD"));
        JdbcClient jdbc = JdbcClient.create(dataSource);
        OffsetDateTime now = OffsetDateTime.of(2026, 6, 15, 10, 0, 0, 0, ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO provider_users (user_id, provider, provider_user_id, created_at)
                VALUES (:user, 'powens', 'pu-export', :now)""").param("user", userId).param("now", now).update();
        long providerUser = jdbc.sql("SELECT id FROM provider_users WHERE user_id = :user").param("user", userId)
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO provider_credentials (provider_user_id, kind, secret_ciphertext, issued_at)
                VALUES (:owner, 'access_token', :secret, :now)""").param("owner", providerUser)
                .param("secret", "not-a-real-ciphertext".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .param("now", now).update();
        jdbc.sql("""
                INSERT INTO connections (user_id, provider_user_id, provider, provider_connection_id, bank_name, state,
                                         created_at, updated_at)
                VALUES (:user, :pu, 'powens', 'c-export', 'Export Bank', 'active', :now, :now)""")
                .param("user", userId).param("pu", providerUser).param("now", now).update();
        long connection = jdbc.sql("SELECT id FROM connections WHERE user_id = :user").param("user", userId)
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO accounts (connection_id, user_id, provider_account_id, name, currency, balance, created_at,
                                      updated_at)
                VALUES (:c, :user, 'a-export', 'Checking', 'EUR', 100, :now, :now)""")
                .param("c", connection).param("user", userId).param("now", now).update();
        long account = jdbc.sql("SELECT id FROM accounts WHERE user_id = :user").param("user", userId)
                .query(Long.class).single();
        var template = new JdbcTemplate(dataSource);
        LocalDate first = LocalDate.of(2020, 1, 1);
        for (int start = 0; start < TRANSACTIONS; start += 1_000) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = start; i < start + 1_000; i++) {
                rows.add(new Object[]{account, userId, "t-" + i, Date.valueOf(first.plusDays(i % 2_000)),
                        new java.math.BigDecimal("-12.50"), "EUR", i + LABEL, i + LABEL, i + LABEL, false, now, now});
            }
            template.batchUpdate(
                    """
                            INSERT INTO transactions (account_id, user_id, provider_transaction_id, booked_date, amount, currency,
                                                      original_wording, simplified_wording, wording, pending, created_at,
                                                      updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    rows);
        }
    }

    /**
     * Reads the export as it arrives, token by token: the test holds the ids, never the document.
     */
    private static Export export(int port, String token) throws Exception {
        Set<String> secrets = Set.of(token, Sha256.hex(token), "not-a-real-ciphertext");
        try (var client = HttpClient.newHttpClient()) {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + port + "/api/me/export"))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofMinutes(5))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            var counted = new CountingStream(response.body());
            Set<Long> ids = new HashSet<>();
            List<String> found = new ArrayList<>();
            try (JsonParser parser = JsonMapper.builder().build().createParser(counted)) {
                int depth = 0;
                boolean inTransactions = false;
                for (JsonToken next = parser.nextToken(); next != null; next = parser.nextToken()) {
                    if (next == JsonToken.PROPERTY_NAME && depth == 1) {
                        inTransactions = parser.currentName().equals("transactions");
                    }
                    if (next.isStructStart()) {
                        depth++;
                    } else if (next.isStructEnd()) {
                        depth--;
                    }
                    if (inTransactions && depth == 3 && next == JsonToken.PROPERTY_NAME && parser.currentName()
                            .equals("id")) {
                        parser.nextToken();
                        ids.add(parser.getLongValue());
                    }
                    if (next == JsonToken.VALUE_STRING && secrets.contains(parser.getString())) {
                        found.add(parser.getString());
                    }
                }
            }
            return new Export(response.statusCode(), ids, counted.count(), found);
        }
    }

    private record Export(int status, Set<Long> transactionIds, long bytes, List<String> secrets) {
    }

    private static final class CountingStream extends java.io.FilterInputStream {

        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(n, 0);
            return n;
        }

        long count() {
            return count;
        }
    }
}
