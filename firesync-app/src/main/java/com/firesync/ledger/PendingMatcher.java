package com.firesync.ledger;

import com.firesync.provider.ProviderTransaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decides which stored pending row a row arriving under a new key replaces, for providers whose pending rows do not
 * keep their id when they book. A stored pending row fits an arriving row of the same account when it is dated
 * within the provider's window before it (a pending row carries the day of the operation, a booked row its later
 * booking day), has the same sign, and either the same amount or an amount within {@link #TOLERANCE} with the same
 * counterparty or bank text and no other operation day (a card payment is often booked for a slightly different
 * amount than authorised: a tip, an exchange rate). Among the rows that fit, the best is the one agreeing on most
 * of, in order: amount, operation day, bank text, counterparty. A tie is ambiguous: nothing is matched, both rows are kept and the tie is counted.
 */
final class PendingMatcher {

    /** How far, as a share of the pending amount, a booked amount may move when the text or counterparty agrees. */
    static final BigDecimal TOLERANCE = new BigDecimal("0.25");

    private PendingMatcher() {
    }

    /**
     * A stored pending row.
     *
     * @param id FireSync's id of the row
     * @param date its date (the operation day while pending)
     * @param text the bank's text ({@code original_wording})
     * @param counterparty the counterparty's name ({@code simplified_wording})
     */
    record Candidate(long id, LocalDate date, BigDecimal amount, @Nullable LocalDate operationDate,
            @Nullable String text, @Nullable String counterparty) {
    }

    /**
     * What matching found.
     *
     * @param matches FireSync's row id each matched arriving row takes over, by the arriving row's provider id
     * @param ambiguous how many arriving rows fitted several pending rows (or shared theirs) equally well
     */
    record Result(Map<String, Long> matches, int ambiguous) {
    }

    /** Matches {@code arriving} rows (none stored under its key) to the {@code candidates} they replace. */
    static Result match(List<ProviderTransaction> arriving, List<Candidate> candidates, Period window) {
        Map<Long, List<Claim>> claims = new HashMap<>();
        int ambiguous = 0;
        for (ProviderTransaction row : arriving) {
            Claim best = null;
            boolean tied = false;
            for (Candidate candidate : candidates) {
                int score = score(row, candidate, window);
                if (score < 0 || best != null && score < best.score()) {
                    continue;
                }
                tied = best != null && score == best.score();
                best = tied ? best : new Claim(row.id(), candidate.id(), score);
            }
            if (tied) {
                ambiguous++;
            } else if (best != null) {
                claims.computeIfAbsent(best.candidate(), id -> new ArrayList<>()).add(best);
            }
        }
        Map<String, Long> matches = new HashMap<>();
        for (List<Claim> rivals : claims.values()) {
            int top = rivals.stream().mapToInt(Claim::score).max().orElseThrow();
            List<Claim> winners = rivals.stream().filter(claim -> claim.score() == top).toList();
            if (winners.size() == 1) {
                matches.put(winners.getFirst().row(), winners.getFirst().candidate());
            } else {
                ambiguous += winners.size();
            }
        }
        return new Result(matches, ambiguous);
    }

    /** How well {@code candidate} fits {@code row}, higher is better; negative when it does not fit at all. */
    static int score(ProviderTransaction row, Candidate candidate, Period window) {
        boolean inWindow = !candidate.date().isAfter(row.date())
                && !candidate.date().isBefore(row.date().minus(window));
        if (!inWindow || row.amount().signum() != candidate.amount().signum()) {
            return -1;
        }
        boolean sameAmount = row.amount().compareTo(candidate.amount()) == 0;
        boolean sameText = same(row.originalWording(), candidate.text());
        boolean sameCounterparty = same(row.simplifiedWording(), candidate.counterparty());
        LocalDate operationDay = row.realizationDate();
        boolean sameDay = operationDay != null && operationDay.equals(candidate.operationDate());
        boolean otherDay = operationDay != null && candidate.operationDate() != null && !sameDay;
        if (!sameAmount && (otherDay || !near(row.amount(), candidate.amount()) || !sameText && !sameCounterparty)) {
            return -1;
        }
        return (sameAmount ? 8 : 0) + (sameDay ? 4 : 0) + (sameText ? 2 : 0) + (sameCounterparty ? 1 : 0);
    }

    private static boolean near(BigDecimal amount, BigDecimal pending) {
        return amount.subtract(pending).abs().compareTo(pending.abs().multiply(TOLERANCE)) <= 0;
    }

    private static boolean same(@Nullable String a, @Nullable String b) {
        return a != null && b != null && !a.isBlank()
                && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }

    /** An arriving row's best fit. */
    private record Claim(String row, long candidate, int score) {
    }
}
