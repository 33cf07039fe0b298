package com.firesync.ledger;

import java.time.LocalDate;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * The first and last of some days; empty when there were none.
 *
 * @param first the earliest day, {@code null} when empty
 * @param last the latest day, {@code null} when empty
 */
record DayRange(@Nullable LocalDate first, @Nullable LocalDate last) {

    DayRange(Collection<LocalDate> days) {
        this(days.stream().min(LocalDate::compareTo).orElse(null),
                days.stream().max(LocalDate::compareTo).orElse(null));
    }
}
