package com.firesync.analytics;

import com.firesync.ledger.LedgerChanged;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Ledger changes of one user merged while another thread brings the user's roll-ups up to date: their accounts, the
 * span of their days and their amounts (past {@link #MAX_AMOUNTS}, every amount: the merge then re-marks the span
 * whole).
 */
final class PendingChange {

    static final int MAX_AMOUNTS = 2_000;

    final Set<Long> accounts = new HashSet<>();

    LocalDate from;

    LocalDate to;

    /** The amounts to re-mark; {@code null} for all. */
    @Nullable
    Set<BigDecimal> amounts = new HashSet<>();

    PendingChange(LedgerChanged change) {
        this.from = change.from();
        this.to = change.to();
        add(change);
    }

    PendingChange add(LedgerChanged change) {
        accounts.add(change.accountId());
        from = change.from().isBefore(from) ? change.from() : from;
        to = change.to().isAfter(to) ? change.to() : to;
        Set<BigDecimal> known = amounts;
        if (known != null) {
            known.addAll(change.amounts());
            if (known.size() > MAX_AMOUNTS) {
                amounts = null;
            }
        }
        return this;
    }
}
