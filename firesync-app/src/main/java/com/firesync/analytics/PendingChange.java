package com.firesync.analytics;

import com.firesync.ledger.LedgerChanged;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ledger changes of one user merged while another thread brings the user's roll-ups up to date, account by account:
 * the span of each account's changed days and their amounts. Kept apart per account, so that a backfill of many
 * accounts, whose batches lie at different dates, re-marks and recomputes around each account's own days rather than
 * every account over the span of all of them (which grew to the whole history on every merged pass).
 */
final class PendingChange {

    /** The most amounts one re-marking statement names; more are re-marked in several. */
    static final int MAX_AMOUNTS = 2_000;

    /** Each changed account's span, in the order they came. */
    final Map<Long, Span> accounts = new LinkedHashMap<>();

    PendingChange(LedgerChanged change) {
        add(change);
    }

    PendingChange add(LedgerChanged change) {
        accounts.computeIfAbsent(change.accountId(), account -> new Span(change.from(), change.to())).add(change);
        return this;
    }

    /** One account's changed days, from {@code from} to {@code to}, and the amounts of its changed rows. */
    static final class Span {

        LocalDate from;

        LocalDate to;

        final Set<BigDecimal> amounts = new HashSet<>();

        Span(LocalDate from, LocalDate to) {
            this.from = from;
            this.to = to;
        }

        void add(LedgerChanged change) {
            from = change.from().isBefore(from) ? change.from() : from;
            to = change.to().isAfter(to) ? change.to() : to;
            amounts.addAll(change.amounts());
        }

        /** The amounts, at most {@link #MAX_AMOUNTS} a part. */
        List<List<BigDecimal>> amountParts() {
            List<BigDecimal> all = new ArrayList<>(amounts);
            List<List<BigDecimal>> parts = new ArrayList<>();
            for (int start = 0; start < all.size(); start += MAX_AMOUNTS) {
                parts.add(all.subList(start, Math.min(all.size(), start + MAX_AMOUNTS)));
            }
            return parts;
        }

        @Override
        public String toString() {
            return from + ".." + to;
        }
    }
}
