package com.firesync.sandbox.world;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One bank operation over its whole life, from the moment the aggregator sees it to its last change. Every instant of
 * that life is fixed in advance, so the rows it shows at any instant are a pure function of that instant.
 *
 * @param id the id of its first row
 * @param accountId the account
 * @param day the operation day (the {@code rdate}, and the {@code application_date} until a user re-dates it)
 * @param bookDay the day it books (the {@code date} once booked): a card payment books one to four days after it is
 *        made, anything else on its day; never on a Sunday
 * @param variant how it moves from pending to booked
 * @param seen when it appears (a card payment booked from the start appears when it books)
 * @param changedAt when its amount and maybe its label change while pending, or null
 * @param bookedAt when it books, or null if it never does
 * @param deletedAt when its first row disappears at the bank, or null
 * @param original for an operation made in another currency, its amount in that currency (fixed for its whole life:
 *        only the amount in euros moves while pending); else null
 * @param meta its category, transfer key and counterparty, and whether its amount is part of the household's plan
 */
record Operation(long id, long accountId, LocalDate day, LocalDate bookDay, Variant variant, Instant seen,
        @Nullable Instant changedAt,
        @Nullable Instant bookedAt, @Nullable Instant deletedAt, long firstCents, long finalCents, String type,
        Wording firstWording, Wording finalWording, @Nullable OriginalAmount original, Meta meta) {

    /**
     * How far past its day an operation may still change by itself (booking up to five days later, a deletion two days
     * after that): bounds the days an incremental read must regenerate. User edits and bank corrections of older rows
     * are {@link RowEdit}s, found separately.
     */
    static final int MAX_LIFE_DAYS = 7;

    /** The id offset of a booked row that replaces a pending row. */
    static final long REPLACEMENT_OFFSET = 50;

    enum Variant {
        /** Booked from the start. */
        BOOKED,
        /** Pending, later booked under the same id. */
        PENDING_SAME_ID,
        /** Pending, later deleted and replaced by a booked row with a new id. */
        PENDING_NEW_ID,
        /** Pending, then gone without booking (a released authorisation). */
        PENDING_DROPPED
    }

    /** A bank label and its cleaned form. */
    record Wording(String original, String simplified) {
    }

    /**
     * What a Demo Bank operation carries beyond the bank's own fields.
     *
     * @param categoryId its Powens {@code id_category}, or null (Test Bank rows are not categorised)
     * @param transferKey for a movement between two accounts of the connection, the key both legs share; else null
     * @param counterparty the other side of a transfer, or null
     * @param correctable whether the bank may correct its amount or withdraw it once settled ({@link RowEdit}): any
     *        Test Bank row, but only the everyday payments of a Demo Bank checking account, so that the household's
     *        plan (card settled to the cent, Livret A under its cap, loan falling) holds whatever happens
     */
    record Meta(@Nullable Long categoryId, @Nullable String transferKey, @Nullable Counterparty counterparty,
            boolean correctable) {

        /** A Test Bank operation. */
        static final Meta NONE = new Meta(null, null, null, true);
    }

    /**
     * Adds the rows visible at {@code at} to {@code out}. Rows that disappeared before {@code firstSync} were never
     * seen by the aggregator and are left out; older rows carry {@code firstSync} as their scrape and update time.
     */
    void addRows(Instant at, Instant firstSync, List<LedgerTransaction> out) {
        if (seen.isAfter(at)) {
            return;
        }
        Instant end = variant == Variant.PENDING_NEW_ID ? bookedAt : deletedAt;
        if (end == null || end.isAfter(firstSync)) {
            out.add(firstRow(at, firstSync, end));
        }
        if (variant == Variant.PENDING_NEW_ID && bookedAt != null && !bookedAt.isAfter(at)) {
            Instant scraped = Clocks.seconds(latest(firstSync, bookedAt));
            out.add(new LedgerTransaction(id + REPLACEMENT_OFFSET, accountId, bookDay, day, day, finalCents, type,
                    finalWording.original(), finalWording.simplified(), finalWording.simplified(), false, scraped,
                    scraped, null, original, meta.categoryId(), meta.transferKey(), meta.counterparty()));
        }
    }

    private LedgerTransaction firstRow(Instant at, Instant firstSync, @Nullable Instant end) {
        boolean changed = reached(changedAt, at);
        boolean booked = variant == Variant.BOOKED || variant == Variant.PENDING_SAME_ID && reached(bookedAt, at);
        Instant deleted = reached(end, at) ? end : null;
        Wording wording = changed ? finalWording : firstWording;
        LocalDate date = booked ? bookDay : day;
        Instant updated = seen;
        for (Instant event : new Instant[]{changedAt, variant == Variant.PENDING_SAME_ID ? bookedAt : null, end}) {
            if (reached(event, at)) {
                updated = latest(updated, event);
            }
        }
        // Powens shows whole seconds: a hidden fraction would make a filter on the newest shown value match it again
        return new LedgerTransaction(id, accountId, date, day, day, changed ? finalCents : firstCents, type,
                wording.original(), wording.simplified(), wording.simplified(), !booked,
                Clocks.seconds(latest(firstSync, seen)), Clocks.seconds(latest(firstSync, updated)),
                deleted == null ? null : Clocks.seconds(deleted), original, meta.categoryId(), meta.transferKey(),
                meta.counterparty());
    }

    private static boolean reached(@Nullable Instant event, Instant at) {
        return event != null && !event.isAfter(at);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
