package com.firesync.sandbox.world;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A change to a settled row, of any age: a user re-dating or relabelling it (Powens lets users edit
 * {@code application_date} and {@code wording}), or the bank correcting its amount or withdrawing it. Each moves the
 * row's {@code last_update} to the moment it happens.
 *
 * @param at when it happens (whole seconds)
 * @param rowId the row it changes
 * @param kind what it changes
 * @param applicationDate the new application date, for a re-date
 * @param wording the new display label, for a relabel
 * @param percent the correction of the amount in percent (never 0), for an amount correction
 */
public record RowEdit(Instant at, long rowId, Kind kind, @Nullable LocalDate applicationDate,
        @Nullable String wording, int percent) {

    /** What an edit changes. */
    public enum Kind {
        /** The user moved the row's application date. */
        REDATE,
        /** The user gave the row a label of their own. */
        RELABEL,
        /** The bank corrected the amount. */
        AMOUNT,
        /** The bank no longer shows the row. */
        DELETE
    }

    /** The row after this edit; a row already deleted is left as it is. */
    LedgerTransaction applyTo(LedgerTransaction row) {
        if (row.isDeleted()) {
            return row;
        }
        LocalDate redated = kind == Kind.REDATE ? Objects.requireNonNull(applicationDate) : row.applicationDate();
        String label = kind == Kind.RELABEL ? Objects.requireNonNull(wording) : row.wording();
        long cents = kind == Kind.AMOUNT ? row.valueCents() + row.valueCents() * percent / 100 : row.valueCents();
        return new LedgerTransaction(row.id(), row.accountId(), row.date(), row.rdate(), redated, cents, row.type(),
                row.originalWording(), row.simplifiedWording(), label, row.coming(), row.dateScraped(), at,
                kind == Kind.DELETE ? at : null, row.original(), row.categoryId(), row.transferKey(),
                row.counterparty());
    }
}
