package com.firesync.ledger.web;

import com.firesync.ledger.ChangeCursor;
import com.firesync.ledger.ChangeFeed;
import com.firesync.ledger.ChangePage;
import com.firesync.ledger.TransactionView;
import com.firesync.shared.ApiException;
import com.firesync.shared.ApiResponse;
import com.firesync.shared.Caller;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The change feed: the caller's transactions added, modified and removed since a cursor, for a client that keeps its
 * own copy of the ledger. No cursor reads from the beginning; a cursor the feed can no longer serve is refused with
 * {@code cursor_expired}, and the client starts again from none.
 */
@RestController
class ChangeController {

    static final int DEFAULT_LIMIT = 100;

    static final int MAX_LIMIT = 500;

    private final ChangeFeed feed;

    ChangeController(ChangeFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/api/changes")
    ApiResponse<Changes> changes(@AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String limit) {
        ChangeCursor after = cursor(cursor);
        ChangePage page = feed.changes(caller.userId(), after, limit(limit))
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "cursor_expired",
                        "This cursor has expired: read the changes again without a cursor."));
        return ApiResponse.ok(new Changes(page.added(), page.modified(), page.removed(), page.next().encode(),
                page.hasMore()));
    }

    private static ChangeCursor cursor(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return ChangeCursor.START;
        }
        return ChangeCursor.decode(raw.strip())
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "cursor_invalid",
                        "This is not a change-feed cursor: read the changes again without a cursor."));
    }

    private static int limit(@Nullable String raw) {
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.invalidParameter("limit", "must be an integer from 1 to " + MAX_LIMIT);
    }

    /**
     * One answer of the feed.
     *
     * @param added transactions new since the cursor, in full
     * @param modified transactions changed since the cursor, in their latest form
     * @param removed transactions gone since the cursor
     * @param nextCursor where to read next
     * @param hasMore whether more changes are waiting now
     */
    record Changes(List<TransactionView> added, List<TransactionView> modified, List<ChangePage.Removed> removed,
            String nextCursor, boolean hasMore) {
    }
}
