package com.firesync.sandbox.enablebanking;

import com.firesync.sandbox.enablebanking.json.TransactionsJson;
import com.firesync.sandbox.world.Clocks;
import com.firesync.sandbox.world.LedgerTransaction;
import com.firesync.sandbox.world.SandboxConnection;
import com.firesync.sandbox.world.SandboxWorld;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /accounts/{uid}/transactions}: an account's live rows newest first, between {@code date_from} and
 * {@code date_to} (booking date, or transaction date while pending; both inclusive; no {@code date_from} means the
 * whole history the bank holds), optionally of one {@code transaction_status}, in pages chained by an opaque
 * {@code continuation_key}. The key holds the last row given (keyset paging, so rows are neither skipped nor repeated
 * when the bank changes between pages) and is valid only for the same session, account and query.
 */
final class TransactionPages {

    /** A row books at most this many days after its operation day: the operation days to read before a date. */
    private static final int BOOKING_LAG_DAYS = 7;

    private static final Set<String> STATUSES = Set.of("BOOK", "PDNG", "CNCL", "HOLD", "SCHD", "RJCT", "OTHR");

    private final SandboxWorld world;

    private final int pageSize;

    TransactionPages(SandboxWorld world, int pageSize) {
        this.world = world;
        this.pageSize = pageSize;
    }

    /**
     * The query's parameters, checked before anything is counted against the unattended limit.
     */
    record Query(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String status, String strategy,
            @Nullable String continuationKey, String fingerprint) {

        static Query of(@Nullable String dateFrom, @Nullable String dateTo, @Nullable String status,
                @Nullable String strategy, @Nullable String continuationKey, LocalDate today) {
            String chosen = strategy == null ? "default" : strategy;
            if (!chosen.equals("default") && !chosen.equals("longest")) {
                throw EnableBankingError.wrongParameters("strategy must be default or longest");
            }
            if (status != null && !STATUSES.contains(status)) {
                throw EnableBankingError.wrongParameters("transaction_status is not a TransactionStatus");
            }
            LocalDate from = date(dateFrom, "date_from");
            LocalDate to = chosen.equals("longest") ? null : date(dateTo, "date_to");
            if (to != null && from == null) {
                throw EnableBankingError.unprocessable("DATE_TO_WITHOUT_DATE_FROM",
                        "date_to is provided without date_from", null);
            }
            if (from != null && from.isAfter(today)) {
                throw EnableBankingError.unprocessable("DATE_FROM_IN_FUTURE", "date_from is in the future", null);
            }
            if (from != null && to != null && from.isAfter(to)) {
                throw EnableBankingError.unprocessable("WRONG_DATE_INTERVAL", "date_from is after date_to", null);
            }
            String fingerprint = from + "|" + to + "|" + status + "|" + chosen;
            return new Query(from, to, status, chosen, continuationKey, fingerprint);
        }

        /**
         * The same query listing from {@code day} on, as a bank that lists less than asked serves it; its pages keep
         * the asked query's continuation keys.
         */
        Query startingAt(LocalDate day) {
            return new Query(day, to, status, strategy, continuationKey, fingerprint);
        }

        boolean firstPage() {
            return continuationKey == null || continuationKey.isEmpty();
        }

        private static @Nullable LocalDate date(@Nullable String value, String name) {
            try {
                return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw EnableBankingError.wrongParameters(name + " must be a date, YYYY-MM-DD");
            }
        }
    }

    TransactionsJson page(Session session, String uid, long accountId, Query query, Instant now) {
        SandboxConnection connection = world.connection(session.connectionId()).orElseThrow();
        Instant dataAt = connection.dataInstant(now);
        LocalDate from = query.from() == null ? world.firstDay(connection) : query.from();
        LocalDate to = query.to() == null ? Clocks.parisDate(dataAt) : query.to();
        List<LedgerTransaction> rows = new ArrayList<>(world.transactions(connection, dataAt,
                from.minusDays(BOOKING_LAG_DAYS), to).stream()
                .filter(row -> row.accountId() == accountId && !row.isDeleted())
                .filter(row -> !row.date().isBefore(from) && !row.date().isAfter(to))
                .filter(row -> query.status() == null || query.status().equals(row.coming() ? "PDNG" : "BOOK"))
                .toList());
        rows.sort(SandboxWorld.NEWEST_FIRST);
        Position after = query.firstPage() ? null : Position.read(query.continuationKey(), session, uid, query);
        int start = 0;
        while (after != null && start < rows.size() && !after.before(rows.get(start))) {
            start++;
        }
        int end = Math.min(rows.size(), start + pageSize);
        List<LedgerTransaction> page = rows.subList(start, end);
        String next = end < rows.size()
                ? new Position(page.getLast().date(), page.getLast().id()).key(session, uid, query)
                : null;
        return new TransactionsJson(page.stream().map(EnableBankingJson::transaction).toList(), next);
    }

    /** The last row of a page, which the next page starts after. */
    private record Position(LocalDate date, long id) {

        /** Whether {@code row} comes after this position, newest first. */
        boolean before(LedgerTransaction row) {
            return row.date().isBefore(date) || row.date().equals(date) && row.id() < id;
        }

        String key(Session session, String uid, Query query) {
            String plain = String.join("|", session.id(), uid, query.fingerprint(), date.toString(),
                    Long.toString(id));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        static Position read(@Nullable String key, Session session, String uid, Query query) {
            try {
                String plain = new String(Base64.getUrlDecoder().decode(String.valueOf(key)),
                        StandardCharsets.UTF_8);
                int last = plain.lastIndexOf('|');
                int date = plain.lastIndexOf('|', last - 1);
                String prefix = String.join("|", session.id(), uid, query.fingerprint());
                if (date < 0 || !plain.substring(0, date).equals(prefix)) {
                    throw wrongKey();
                }
                return new Position(LocalDate.parse(plain.substring(date + 1, last)),
                        Long.parseLong(plain.substring(last + 1)));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw wrongKey();
            }
        }

        private static EnableBankingError wrongKey() {
            return EnableBankingError.unprocessable("WRONG_CONTINUATION_KEY", "Wrong continuation key provided",
                    null);
        }
    }
}
