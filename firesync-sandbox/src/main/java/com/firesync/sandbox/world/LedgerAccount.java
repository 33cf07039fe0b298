package com.firesync.sandbox.world;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One account as the aggregator shows it at a given instant. {@code balanceCents} always equals
 * {@code initialCents} plus the booked, not deleted transactions visible at that instant (an investment account's
 * valuation moves are rows too, and a loan's balance is minus its capital still due); {@code comingCents} is the
 * sum of the pending, not deleted ones.
 *
 * @param id Powens account id: {@code connectionId * 10 + index}
 * @param connectionId the connection holding it
 * @param userId its owner
 * @param kind checking, savings, card, pea, market or loan
 * @param number account number
 * @param iban IBAN
 * @param initialCents balance at the start of the history window
 * @param balanceCents booked balance
 * @param comingCents sum of pending amounts
 * @param lastUpdate last successful refresh
 * @param openingDate start of the history window
 * @param loan for a mortgage, its details at that instant; else null
 */
public record LedgerAccount(long id, long connectionId, long userId, AccountKind kind, String number, String iban,
        long initialCents, long balanceCents, long comingCents, Instant lastUpdate, LocalDate openingDate,
        @Nullable LoanDetails loan) {
}
