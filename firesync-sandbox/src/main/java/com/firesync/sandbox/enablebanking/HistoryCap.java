package com.firesync.sandbox.enablebanking;

import com.firesync.sandbox.world.Scenario;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A bank that lets an account's transactions be listed only so far back (many real banks refuse a period longer
 * than about 90 days): a Test Bank login {@code capped:N} or {@code strict:N}, N days before the bank's today. A
 * {@code date_from} older than that is refused with 422 {@code WRONG_TRANSACTIONS_PERIOD}: {@code capped} says from
 * when the bank would list ({@code detail} {@code {"date_from": "YYYY-MM-DD"}}, as Enable Banking corrects it),
 * {@code strict} says nothing more and also refuses {@code strategy=longest}. A listing without {@code date_from}
 * answers what the bank allows, and at a {@code capped} bank so does {@code strategy=longest}.
 *
 * @param days how many days before today the bank lists, or {@code -1} for none of this
 * @param corrects whether its refusal carries the corrected {@code date_from}
 */
record HistoryCap(int days, boolean corrects) {

    private static final HistoryCap NONE = new HistoryCap(-1, false);

    static HistoryCap of(Scenario scenario) {
        if (scenario.is(Scenario.Kind.CAPPED)) {
            return new HistoryCap(scenario.parameter(), true);
        }
        return scenario.is(Scenario.Kind.STRICT) ? new HistoryCap(scenario.parameter(), false) : NONE;
    }

    /**
     * The query as this bank serves it on {@code today}: unchanged, starting later (what the bank allows), or refused.
     */
    TransactionPages.Query applied(TransactionPages.Query query, LocalDate today) {
        if (days < 0) {
            return query;
        }
        LocalDate earliest = today.minusDays(days);
        LocalDate from = query.from();
        if (from != null && !from.isBefore(earliest)) {
            return query;
        }
        if (from == null || corrects && query.strategy().equals("longest")) {
            return query.startingAt(earliest);
        }
        throw EnableBankingError.unprocessable("WRONG_TRANSACTIONS_PERIOD", "Wrong transactions period requested",
                corrects ? Map.of("date_from", earliest.toString()) : detail(query));
    }

    private static @Nullable Object detail(TransactionPages.Query query) {
        return query.strategy().equals("longest")
                ? "The bank does not allow the longest period to be searched"
                : "The bank does not allow transactions this old to be listed";
    }
}
