package com.firesync.sandbox.world;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One transaction row as the aggregator shows it at a given instant.
 *
 * @param id stable Powens id: {@code accountId * 10^7 + epochDay * 100 + seq}, plus 50 for a booked row that replaced
 *        a pending one
 * @param accountId the account holding it
 * @param date booking date (the operation day while pending)
 * @param rdate operation day
 * @param applicationDate the personal-finance date: the operation day unless the user re-dated the row
 * @param valueCents signed amount in cents, negative for debits
 * @param type Powens transaction type
 * @param originalWording the raw bank label
 * @param simplifiedWording the cleaned label
 * @param wording the display label: the cleaned label unless the user relabelled the row
 * @param coming whether it is still pending
 * @param dateScraped when the aggregator first saw it
 * @param lastUpdate when it last changed on the aggregator's side
 * @param deleted when the bank stopped showing it, or null
 * @param original for an operation made in another currency, its amount in that currency; else null
 * @param categoryId the Powens {@code id_category} ({@link Category}); null on Test Bank rows
 * @param transferKey for a movement between two accounts of the same connection (Livret A and investment deposits,
 *        card settlement, loan capital), the same non-null key on both legs, whose amounts are opposite; else null
 * @param counterparty the other side of a transfer, or null
 */
public record LedgerTransaction(long id, long accountId, LocalDate date, LocalDate rdate, LocalDate applicationDate,
        long valueCents, String type, String originalWording, String simplifiedWording, String wording, boolean coming,
        Instant dateScraped, Instant lastUpdate, @Nullable Instant deleted, @Nullable OriginalAmount original,
        @Nullable Long categoryId, @Nullable String transferKey, @Nullable Counterparty counterparty) {

    public boolean isDeleted() {
        return deleted != null;
    }
}
