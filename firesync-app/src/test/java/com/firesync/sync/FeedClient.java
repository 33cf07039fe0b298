package com.firesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.testing.Http;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A client that keeps its copy of a user's transactions from {@code GET /api/changes} alone, in small pages.
 */
final class FeedClient {

    static final int PAGE = 7;

    private final Http http;

    private final String token;

    private final Map<Long, JsonNode> held = new TreeMap<>();

    private @Nullable String cursor;

    private int pages;

    FeedClient(Http http, String token) {
        this.http = http;
        this.token = token;
    }

    /** Reads at most {@code maxPages} pages, fewer when the feed has no more. */
    void read(int maxPages) {
        for (int page = 0; page < maxPages; page++) {
            var answer = http.get("/api/changes?limit=" + PAGE + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode data = answer.json().get("data");
            data.get("added").forEach(row -> assertThat(held.put(row.get("id").asLong(), row))
                    .as("added twice: %s", row)
                    .isNull());
            data.get("modified").forEach(row -> held.put(row.get("id").asLong(), row));
            data.get("removed").forEach(row -> held.remove(row.get("id").asLong()));
            cursor = data.get("nextCursor").asString();
            pages++;
            if (!data.get("hasMore").asBoolean()) {
                return;
            }
        }
    }

    Map<Long, JsonNode> held() {
        return held;
    }

    int pages() {
        return pages;
    }

    /** Every transaction {@code GET /api/transactions} lists for the token, by id. */
    static Map<Long, JsonNode> listing(Http http, String token) {
        Map<Long, JsonNode> rows = new TreeMap<>();
        String next = null;
        do {
            var answer = http.get("/api/transactions?limit=500" + (next == null ? "" : "&cursor=" + next), token);
            assertThat(answer.status()).isEqualTo(200);
            answer.json().get("data").forEach(row -> rows.put(row.get("id").asLong(), row));
            JsonNode page = answer.json().get("page").get("nextCursor");
            next = page.isNull() ? null : page.asString();
        } while (next != null);
        return rows;
    }
}
