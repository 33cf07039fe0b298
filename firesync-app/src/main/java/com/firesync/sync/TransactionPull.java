package com.firesync.sync;

import com.firesync.ledger.LedgerWriter;
import com.firesync.ledger.WriteCounts;
import com.firesync.provider.PendingRows;
import com.firesync.provider.ProviderAccount;
import com.firesync.provider.ProviderTransaction;
import com.firesync.provider.TransactionPage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one transaction listing to the ledger. Rows are buffered and written per account, each account in its own
 * database transaction, so that a pending row and the booked row replacing it land together and one account's bad
 * data does not sink the others. Tracks the newest provider change among committed rows (the next cursor) and, for a
 * reconciliation, which rows the provider still lists.
 */
final class TransactionPull {

    private static final Logger log = LoggerFactory.getLogger(TransactionPull.class);

    /** Rows held before writing: bounds memory on a backfill while keeping incremental syncs in one write. */
    static final int BUFFER = 5000;

    private final LedgerWriter ledger;

    private final long userId;

    private final Map<String, AccountRef> accounts;

    private final @Nullable LocalDate reconcileFrom;

    private final PendingRows pending;

    private final Map<String, List<ProviderTransaction>> buffer = new HashMap<>();

    private final Map<String, Set<String>> listed = new HashMap<>();

    /** Per provider account, the first day its listing covered when the provider listed less than asked. */
    private final Map<String, LocalDate> listedFrom = new HashMap<>();

    private final Set<String> failedAccounts = new HashSet<>();

    private int buffered;

    private WriteCounts counts = WriteCounts.NONE;

    private @Nullable Instant newest;

    TransactionPull(LedgerWriter ledger, long userId, Map<String, AccountRef> accounts,
            @Nullable LocalDate reconcileFrom, PendingRows pending) {
        this.ledger = ledger;
        this.pending = pending;
        this.userId = userId;
        this.accounts = accounts;
        this.reconcileFrom = reconcileFrom;
    }

    void accept(List<ProviderTransaction> page) {
        for (ProviderTransaction transaction : page) {
            if (!accounts.containsKey(transaction.accountId())) {
                continue; // another connection's account: its own sync writes it
            }
            buffer.computeIfAbsent(transaction.accountId(), id -> new ArrayList<>()).add(transaction);
            if (reconcileFrom != null && !transaction.date().isBefore(reconcileFrom)) {
                listed.computeIfAbsent(transaction.accountId(), id -> new HashSet<>()).add(transaction.id());
            }
            buffered++;
        }
        if (buffered >= BUFFER) {
            flush();
        }
    }

    /**
     * Takes a page of a listing: its rows, and how far back the provider listed each account when it listed less
     * than asked (a bank capping its history), so that nothing is removed before that.
     */
    void accept(TransactionPage page) {
        listedFrom.putAll(page.listedFrom());
        accept(page.transactions());
    }

    /**
     * Writes what is buffered. An account whose write fails is remembered and skipped from then on.
     */
    void flush() {
        for (var entry : buffer.entrySet()) {
            String accountId = entry.getKey();
            if (failedAccounts.contains(accountId)) {
                continue;
            }
            AccountRef account = Objects.requireNonNull(accounts.get(accountId));
            try {
                counts = counts.plus(ledger.writeTransactions(account.id(), userId, account.currency(),
                        entry.getValue(), pending));
                entry.getValue().forEach(this::see);
            } catch (RuntimeException e) {
                // the other accounts still commit; this one's cursor does not move, so the next sync retries it
                log.warn("Writing transactions of account {} failed; the sync will not move its cursor", account.id(),
                        e);
                failedAccounts.add(accountId);
            }
        }
        buffer.clear();
        buffered = 0;
    }

    /**
     * After a complete listing of the window (on the booking date, as stored rows are compared): marks deleted the rows
     * booked in the reconciled window that the provider no longer lists. The window of an account starts no earlier
     * than the provider listed it: rows older than a bank's cap are not listed and not removed. Accounts whose
     * transactions the provider does not list at all (disabled, deleted) are left alone.
     */
    void removeMissing() {
        if (reconcileFrom == null) {
            return;
        }
        for (var entry : accounts.entrySet()) {
            if (entry.getValue().listed() && !failedAccounts.contains(entry.getKey())) {
                LocalDate covered = listedFrom.get(entry.getKey());
                LocalDate from = covered != null && covered.isAfter(reconcileFrom) ? covered : reconcileFrom;
                int removed = ledger.removeMissing(entry.getValue().id(), userId, from,
                        listed.getOrDefault(entry.getKey(), Set.of()));
                counts = counts.plus(new WriteCounts(0, 0, removed));
            }
        }
    }

    private void see(ProviderTransaction transaction) {
        Instant update = transaction.lastUpdate();
        if (update != null && (newest == null || update.isAfter(newest))) {
            newest = update;
        }
    }

    /**
     * The first day the provider listed every account from, when it listed some less than asked; {@code null} when
     * it listed all it was asked.
     */
    @Nullable
    LocalDate listedFrom() {
        return listedFrom.values().stream().max(LocalDate::compareTo).orElse(null);
    }

    WriteCounts counts() {
        return counts;
    }

    @Nullable
    Instant newest() {
        return newest;
    }

    boolean complete() {
        return failedAccounts.isEmpty();
    }

    /**
     * A ledger account the listing writes to.
     *
     * @param currency the account's currency as the provider sent it (the ledger decides what a missing one becomes)
     * @param listed whether the provider lists the account's transactions (not disabled or deleted there)
     */
    record AccountRef(long id, @Nullable String currency, boolean listed) {

        /** The connection's accounts, by provider account id, given the ledger ids their write answered. */
        static Map<String, AccountRef> byProviderId(List<ProviderAccount> accounts, Map<String, Long> ledgerIds) {
            Map<String, AccountRef> refs = new HashMap<>();
            for (ProviderAccount account : accounts) {
                // a disabled or deleted account lists no transactions: its silence says nothing about its rows
                refs.put(account.id(),
                        new AccountRef(Objects.requireNonNull(ledgerIds.get(account.id())), account.currency(),
                                account.disabled() == null && account.deleted() == null));
            }
            return refs;
        }
    }
}
