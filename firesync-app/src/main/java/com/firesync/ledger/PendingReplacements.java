package com.firesync.ledger;

import com.firesync.ledger.PendingMatcher.Candidate;
import com.firesync.provider.PendingRows;
import com.firesync.provider.ProviderTransaction;
import com.firesync.shared.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The step of writing a batch that keeps FireSync's id of a pending row when its provider lists it under a new key
 * (booked, or changed while pending): before the batch is upserted, each row whose key the ledger does not hold is
 * matched ({@link PendingMatcher}) to the stored pending rows the batch no longer lists, live or removed within the
 * provider's window, and a matched row's key is rewritten to the new one. The upsert then updates that row in place
 * (pending no more, its new amount, date and labels, a new change version), so consumers see an update, never a
 * delete and an insert. Runs in the batch's database transaction; does nothing for providers whose ids are stable.
 */
final class PendingReplacements {

    private final JdbcClient jdbc;

    private final Counter matched;

    private final Counter ambiguous;

    PendingReplacements(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.matched = meters.counter(MetricNames.LEDGER_PENDING_MATCHED);
        this.ambiguous = meters.counter(MetricNames.LEDGER_PENDING_AMBIGUOUS);
    }

    /** Re-keys the stored pending rows that rows of {@code distinct} (one per provider id) replace. */
    void rekey(long accountId, List<ProviderTransaction> distinct, PendingRows pending, OffsetDateTime now) {
        if (pending.stableIds()) {
            return;
        }
        Set<String> listed = new HashSet<>();
        distinct.forEach(row -> listed.add(row.id()));
        List<Candidate> candidates = candidates(accountId, distinct, pending, now, listed);
        if (candidates.isEmpty()) {
            return;
        }
        Set<String> stored = stored(accountId, listed);
        List<ProviderTransaction> arriving = distinct.stream()
                .filter(row -> row.deleted() == null && !stored.contains(row.id()))
                .toList();
        var result = PendingMatcher.match(arriving, candidates, pending.window());
        result.matches().forEach((key, id) -> jdbc.sql(
                "UPDATE transactions SET provider_transaction_id = :key WHERE id = :id")
                .param("key", key)
                .param("id", id)
                .update());
        matched.increment(result.matches().size());
        ambiguous.increment(result.ambiguous());
    }

    /**
     * The account's pending rows the batch does not list, dated from the window before the batch's oldest row to its
     * newest, live or removed within the window.
     */
    private List<Candidate> candidates(long accountId, List<ProviderTransaction> distinct, PendingRows pending,
            OffsetDateTime now, Set<String> listed) {
        LocalDate oldest = distinct.stream().map(ProviderTransaction::date).min(Comparator.naturalOrder())
                .orElseThrow();
        LocalDate newest = distinct.stream().map(ProviderTransaction::date).max(Comparator.naturalOrder())
                .orElseThrow();
        List<Candidate> candidates = new ArrayList<>();
        jdbc.sql("""
                SELECT id, provider_transaction_id, booked_date, amount, operation_date, original_wording,
                       simplified_wording
                FROM transactions
                WHERE account_id = :account AND pending = TRUE AND booked_date BETWEEN :from AND :to
                  AND (deleted_at IS NULL OR deleted_at >= :removedSince)""")
                .param("account", accountId)
                .param("from", oldest.minus(pending.window()))
                .param("to", newest)
                .param("removedSince", now.minus(pending.window()))
                .query(rs -> {
                    if (!listed.contains(rs.getString(2))) {
                        candidates.add(new Candidate(rs.getLong(1), rs.getObject(3, LocalDate.class),
                                rs.getBigDecimal(4), rs.getObject(5, LocalDate.class), rs.getString(6),
                                rs.getString(7)));
                    }
                });
        return candidates;
    }

    private Set<String> stored(long accountId, Set<String> keys) {
        return new HashSet<>(jdbc.sql("""
                SELECT provider_transaction_id FROM transactions
                WHERE account_id = :account AND provider_transaction_id IN (:keys)""")
                .param("account", accountId)
                .param("keys", keys)
                .query(String.class)
                .list());
    }
}
