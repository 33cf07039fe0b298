package com.firesync.ledger.web;

import com.firesync.ledger.LedgerQueries;
import com.firesync.ledger.TransactionCursor;
import com.firesync.ledger.TransactionFilter;
import com.firesync.ledger.TransactionPage;
import com.firesync.ledger.TransactionView;
import com.firesync.shared.ApiException;
import com.firesync.shared.ApiResponse;
import com.firesync.shared.Caller;
import com.firesync.shared.Ids;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's transactions, newest first, in keyset pages. Parameters arrive as text and are parsed here so that a
 * bad one is named in the answer.
 */
@RestController
class TransactionController {

    private final LedgerQueries ledger;

    TransactionController(LedgerQueries ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/api/transactions")
    ApiResponse<List<TransactionView>> transactions(@AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable String accountId,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String pending,
            @RequestParam(required = false) @Nullable String search,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String limit) {
        var filter = new TransactionFilter(account(accountId), date("from", from), date("to", to),
                bool("pending", pending), search(search), cursor(cursor), limit(limit));
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            requireOwnAccount(caller, filter.accountId());
            throw ApiException.invalidParameter("from", "must not be after 'to'");
        }
        TransactionPage page = ledger.transactions(caller.userId(), filter);
        if (page.transactions().isEmpty()) {
            requireOwnAccount(caller, filter.accountId());
        }
        TransactionCursor next = page.next();
        return ApiResponse.page(page.transactions(), filter.limit(), next == null ? null : next.encode());
    }

    private static @Nullable Long account(@Nullable String raw) {
        return raw == null ? null : Ids.positive("accountId", raw.strip());
    }

    /**
     * Refuses an account that is not the caller's. Checked only when the answer would otherwise be an empty page or a
     * refusal: rows found for the account (the page query is scoped to the caller) already prove it is theirs.
     */
    private void requireOwnAccount(Caller caller, @Nullable Long accountId) {
        if (accountId != null && !ledger.ownsAccount(caller.userId(), accountId)) {
            throw ApiException.notFound("account");
        }
    }

    private static @Nullable LocalDate date(String name, @Nullable String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParameter(name, "must be a date as YYYY-MM-DD");
        }
    }

    private static @Nullable Boolean bool(String name, @Nullable String raw) {
        if (raw == null) {
            return null;
        }
        return switch (raw.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalidParameter(name, "must be true or false");
        };
    }

    private static @Nullable String search(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.length() > TransactionFilter.MAX_SEARCH) {
            throw ApiException.invalidParameter("search", "must be at most " + TransactionFilter.MAX_SEARCH
                    + " characters");
        }
        return raw.strip();
    }

    private static @Nullable TransactionCursor cursor(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        return TransactionCursor.decode(raw.strip())
                .orElseThrow(() -> ApiException.invalidParameter("cursor", "is not a cursor from a previous page"));
    }

    private static int limit(@Nullable String raw) {
        if (raw == null) {
            return TransactionFilter.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= TransactionFilter.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.invalidParameter("limit", "must be an integer from 1 to " + TransactionFilter.MAX_LIMIT);
    }
}
