package com.firesync.sandbox.world;

import com.firesync.sandbox.world.Operation.Variant;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The {@link RowEdit}s of a connection, drawn per day from a random stream seeded by (seed, connection, day) alone, so
 * that they too are a pure function of the instant. Demo Bank users edit now and then; the Test Bank {@code edits:N}
 * scenario makes N edits a day. Edits reach settled rows of any age (at least {@value #MIN_AGE_DAYS} days old, back to
 * the first day of the history), never a row's own pending life.
 */
final class RowEdits {

    /** The youngest row an edit reaches: older than any change an operation makes by itself. */
    static final int MIN_AGE_DAYS = Operation.MAX_LIFE_DAYS + 1;

    /** How far before its booking date a user may move a row's application date. */
    static final int REDATE_EARLIER_DAYS = 45;

    /** How far after its booking date a user may move a row's application date. */
    static final int REDATE_LATER_DAYS = 15;

    private static final String[] LABELS = {"Groceries (shared)", "Paid back by Anna", "Birthday present",
            "Holiday: Lisbon", "Work lunch (expensed)", "Car repair", "Gift for mum", "Rent share"};

    private static final long STREAM = 0x0ED175L;

    private final long seed;

    private final OperationSource source;

    RowEdits(long seed, OperationSource source) {
        this.seed = seed;
        this.source = source;
    }

    /** Every edit of {@code connection} made after its creation and up to {@code at}, oldest first. */
    List<RowEdit> until(SandboxConnection connection, LocalDate firstDay, Instant at) {
        int perDay = perDay(connection);
        if (perDay == 0 || !at.isAfter(connection.created())) {
            return List.of();
        }
        List<RowEdit> edits = new ArrayList<>();
        LocalDate last = Clocks.parisDate(at);
        for (LocalDate day = Clocks.parisDate(connection.created()); !day.isAfter(last); day = day.plusDays(1)) {
            var random = new SplittableRandom(Seeds.mix(seed, STREAM, connection.id(), day.toEpochDay()));
            int count = perDay > 0 ? perDay : random.nextInt(10) < 3 ? 1 : 0;
            for (int index = 0; index < count; index++) {
                RowEdit edit = edit(connection, firstDay, day, random);
                if (edit != null && edit.at().isAfter(connection.created()) && !edit.at().isAfter(at)) {
                    edits.add(edit);
                }
            }
        }
        edits.sort(Comparator.comparing(RowEdit::at));
        return edits;
    }

    /** Edits a day: -1 for "now and then" (Demo Bank), else the {@code edits} scenario's count, else none. */
    private static int perDay(SandboxConnection connection) {
        if (connection.scenario().is(Scenario.Kind.EDITS)) {
            return connection.scenario().parameter();
        }
        return connection.bank() == Bank.DEMO ? -1 : 0;
    }

    private @Nullable RowEdit edit(SandboxConnection connection, LocalDate firstDay, LocalDate day,
            SplittableRandom random) {
        Instant at = Clocks.seconds(Clocks.paris(day, LocalTime.of(8, 0)).plusSeconds(random.nextInt(14 * 3600)));
        List<Long> accounts = connection.accountIds();
        long accountId = accounts.get(random.nextInt(accounts.size()));
        long span = day.minusDays(MIN_AGE_DAYS).toEpochDay() - firstDay.toEpochDay();
        int kindDraw = random.nextInt(100);
        int draw = random.nextInt(1 << 20);
        if (span < 0) {
            return null;
        }
        LocalDate target = firstDay.plusDays(draw % (span + 1));
        List<Operation> operations = source.account(connection, accountId).apply(target);
        if (operations.isEmpty()) {
            return null; // a Demo Bank savings, investment or loan account is quiet most days
        }
        Operation operation = operations.get(draw % operations.size());
        if (operation.variant() == Variant.PENDING_DROPPED || !operation.meta().correctable() && kindDraw >= 70) {
            return null; // nothing of it is left to edit, or the bank does not correct or withdraw it
        }
        long rowId = operation.variant() == Variant.PENDING_NEW_ID
                ? operation.id() + Operation.REPLACEMENT_OFFSET
                : operation.id();
        if (kindDraw < 35) {
            int offset = random.nextInt(REDATE_EARLIER_DAYS + REDATE_LATER_DAYS) - REDATE_EARLIER_DAYS;
            LocalDate date = operation.bookDay().plusDays(offset >= 0 ? offset + 1 : offset);
            return new RowEdit(at, rowId, RowEdit.Kind.REDATE, date, null, 0);
        }
        if (kindDraw < 70) {
            return new RowEdit(at, rowId, RowEdit.Kind.RELABEL, null,
                    LABELS[random.nextInt(LABELS.length)] + " #" + (1 + random.nextInt(99)), 0);
        }
        if (kindDraw < 85) {
            int percent = 1 + random.nextInt(10);
            return new RowEdit(at, rowId, RowEdit.Kind.AMOUNT, null, null, random.nextBoolean() ? percent : -percent);
        }
        return new RowEdit(at, rowId, RowEdit.Kind.DELETE, null, null, 0);
    }
}
