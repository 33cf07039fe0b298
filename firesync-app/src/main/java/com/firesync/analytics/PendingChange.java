package com.firesync.analytics;

import com.firesync.ledger.LedgerChanged;
import com.firesync.ledger.Transfers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Ledger changes of one user merged while another thread brings the user's roll-ups up to date, account by account:
 * the span of each account's changed days and their amounts. {@link #passes} turns them into passes over the ledger:
 * one over all the accounts when their spans overlap (the incremental syncs of a user's accounts, whose changes all
 * lie in the last days, or a backfill of accounts written side by side: a pass per account would re-mark the user's
 * whole history once per account), else one per account (accounts whose batches lie at different dates, where a pass
 * over the span of all of them would read days none of them changed).
 */
final class PendingChange {

    /** The most amounts one re-marking statement names; more are re-marked whatever their amount. */
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

    /**
     * The passes that bring these changes' roll-ups up to date: one over every changed account and the union of their
     * days when that reads no more days than one pass per account would (each pass reads {@link Transfers#REACH_DAYS}
     * more on either side), else one per account.
     */
    List<Pass> passes() {
        LocalDate from = null;
        LocalDate to = null;
        long apart = 0;
        @Nullable
        Set<BigDecimal> amounts = new HashSet<>();
        for (Span span : accounts.values()) {
            from = from == null || span.from.isBefore(from) ? span.from : from;
            to = to == null || span.to.isAfter(to) ? span.to : to;
            apart += reads(span.from, span.to);
            amounts = span.amounts == null || amounts == null ? null : bounded(union(amounts, span.amounts));
        }
        if (from == null || to == null) {
            return List.of();
        }
        if (accounts.size() > 1 && reads(from, to) <= apart) {
            return List.of(new Pass(Set.copyOf(accounts.keySet()), from, to, bounded(amounts)));
        }
        List<Pass> passes = new ArrayList<>(accounts.size());
        accounts.forEach((account, span) -> passes.add(new Pass(Set.of(account), span.from, span.to,
                bounded(span.amounts))));
        return passes;
    }

    /** How many days a pass from {@code from} to {@code to} reads. */
    private static long reads(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1 + 2L * Transfers.REACH_DAYS;
    }

    /** The amounts to re-mark, {@code null} (every amount) past {@link #MAX_AMOUNTS}. */
    private static @Nullable Set<BigDecimal> bounded(@Nullable Set<BigDecimal> amounts) {
        return amounts == null || amounts.size() > MAX_AMOUNTS ? null : amounts;
    }

    private static Set<BigDecimal> union(Set<BigDecimal> into, Collection<BigDecimal> more) {
        into.addAll(more);
        return into;
    }

    /**
     * One pass: the transfers of {@code amounts} ({@code null}: every amount) re-marked around the days from
     * {@code from} to {@code to}, then the roll-ups of {@code accounts} and of the accounts whose marks moved
     * recomputed around them.
     */
    record Pass(Set<Long> accounts, LocalDate from, LocalDate to, @Nullable Set<BigDecimal> amounts) {
    }

    /**
     * One account's changed days, from {@code from} to {@code to}, and the amounts of its changed rows; past
     * {@link #MAX_AMOUNTS} of them, every amount (a backfill's batches would otherwise keep every amount they wrote until
     * the pass).
     */
    static final class Span {

        LocalDate from;

        LocalDate to;

        @Nullable
        Set<BigDecimal> amounts = new HashSet<>();

        Span(LocalDate from, LocalDate to) {
            this.from = from;
            this.to = to;
        }

        void add(LedgerChanged change) {
            from = change.from().isBefore(from) ? change.from() : from;
            to = change.to().isAfter(to) ? change.to() : to;
            amounts = amounts == null ? null : bounded(union(amounts, change.amounts()));
        }

        @Override
        public String toString() {
            return from + ".." + to;
        }
    }
}
