package com.firesync.ledger;

import com.firesync.provider.BankingProviders;
import com.firesync.provider.PendingRows;
import com.firesync.provider.ProviderAccount;
import com.firesync.provider.ProviderTransaction;
import com.firesync.runtime.DatabaseKind;
import com.firesync.shared.DbTime;
import com.firesync.shared.Text;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what a provider reports into the ledger, idempotently: rows are keyed by the provider's ids, a row is
 * updated only when something in it changed, and writing the same data twice changes nothing. One standard
 * {@code MERGE} per row kind serves PostgreSQL 15+ and H2; the database's {@link TransactionInserts} may insert a
 * batch's new transactions faster (on PostgreSQL, one set-based insert per batch: a backfill writes hundreds of
 * thousands).
 */
@Service
public class LedgerWriter {

    private final NamedParameterJdbcTemplate named;

    private final JdbcClient jdbc;

    private final Clock clock;

    private final TransactionInserts inserts;

    private final ChangeVersions versions;

    private final ApplicationEventPublisher events;

    private final ZoneId bankZone;

    private final LedgerChanges changes;

    private final TransactionTemplate inTransaction;

    private final PendingReplacements replacements;

    private final AccountIdentities identities;

    private final PlannerStatistics statistics;

    /**
     * Each account's connection, which never changes: noted as a sync stores its accounts, just before it writes their
     * transactions, and asked of the database otherwise.
     */
    private final Cache<Long, Long> connectionOfAccount = Caffeine.newBuilder().maximumSize(10_000).build();

    LedgerWriter(NamedParameterJdbcTemplate named, JdbcClient jdbc, Clock clock, Environment environment,
            ChangeVersions versions, BankingProviders providers, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, MeterRegistry meters) {
        this.named = named;
        this.jdbc = jdbc;
        this.clock = clock;
        this.versions = versions;
        this.events = events;
        this.inserts = TransactionInserts.of(DatabaseKind.configured(environment), named, jdbc);
        this.statistics = PlannerStatistics.of(DatabaseKind.configured(environment), jdbc);
        // the day of a balance snapshot, in Powens' calendar (Europe/Paris) as before a second provider came
        this.bankZone = providers.get(BankingProviders.POWENS).zone();
        this.changes = new LedgerChanges(jdbc, events);
        this.inTransaction = new TransactionTemplate(transactions);
        this.replacements = new PendingReplacements(jdbc, meters);
        this.identities = new AccountIdentities(jdbc);
    }

    /**
     * Stores a connection's accounts and today's balance of each (today at the bank), and answers FireSync's account id for each
     * provider account id. An account listed under a new provider id keeps its FireSync id when it is a stored one
     * (a renewed consent's new uids, see {@link AccountIdentities}).
     */
    @Transactional
    public Map<String, Long> writeAccounts(long connectionId, long userId, List<ProviderAccount> accounts) {
        OffsetDateTime now = DbTime.at(clock.instant());
        identities.relink(connectionId, accounts);
        // one round trip for the accounts, one for their balances
        named.batchUpdate(LedgerSql.MERGE_ACCOUNT, accounts.stream()
                .map(account -> accountParams(connectionId, userId, account, now))
                .toArray(MapSqlParameterSource[]::new));
        identities.remember(connectionId, accounts);
        Map<String, Long> stored = new HashMap<>();
        jdbc.sql("SELECT provider_account_id, id FROM accounts WHERE connection_id = :c")
                .param("c", connectionId)
                .query((rs, row) -> stored.put(rs.getString(1), rs.getLong(2)))
                .list();
        Map<String, Long> ids = new HashMap<>();
        List<MapSqlParameterSource> balances = new ArrayList<>();
        for (ProviderAccount account : accounts) {
            long id = Objects.requireNonNull(stored.get(account.id()));
            ids.put(account.id(), id);
            // the sync writes their transactions next
            connectionOfAccount.put(id, connectionId);
            if (account.balance() != null) {
                balances.add(new MapSqlParameterSource().addValue("account", id)
                        .addValue("day", LocalDate.ofInstant(clock.instant(), bankZone))
                        .addValue("balance", account.balance())
                        .addValue("currency", Currencies.orUnknown(account.currency()))
                        .addValue("now", now));
            }
        }
        named.batchUpdate(LedgerSql.MERGE_BALANCE, balances.toArray(MapSqlParameterSource[]::new));
        return ids;
    }

    /**
     * Stores a batch of one account's transactions in one database transaction, and tells what changed; once it is
     * committed, publishes {@link LedgerChanged} (its listeners then run in transactions of their own). The database's
     * {@link TransactionInserts} inserts what it can of the batch; the rest (and a transaction listed twice) is merged
     * row by row. The rows written carry a new change version, and a {@link TransactionsChanged} is published in the
     * same database transaction when anything changed.
     *
     * @param accountCurrency the account's currency as the provider sent it, for transactions that carry none
     */
    public WriteCounts writeTransactions(long accountId, long userId, @Nullable String accountCurrency,
            List<ProviderTransaction> transactions) {
        return writeTransactions(accountId, userId, accountCurrency, transactions, PendingRows.STABLE);
    }

    /**
     * Stores a batch of one account's transactions as {@link #writeTransactions(long, long, String, List)} does; for
     * a provider whose pending rows change key when they book, a row arriving under a new key first takes over the
     * pending row it replaces ({@link PendingReplacements}), which keeps its FireSync id.
     *
     * @param pending how the provider's pending rows relate to their booked selves
     */
    public WriteCounts writeTransactions(long accountId, long userId, @Nullable String accountCurrency,
            List<ProviderTransaction> transactions, PendingRows pending) {
        if (transactions.isEmpty()) {
            return WriteCounts.NONE;
        }
        LedgerChanges.Rows changed = new LedgerChanges.Rows();
        WriteCounts counts = Objects.requireNonNull(inTransaction.execute(
                status -> write(accountId, userId, accountCurrency, transactions, pending, changed)));
        if (counts.added() + counts.updated() + counts.removed() > 0) {
            statistics.written(userId, counts.added());
            changes.changed(userId, accountId, changed);
        }
        return counts;
    }

    /** Writes the batch (in the caller's transaction), noting in {@code changed} the rows as they were and are. */
    private WriteCounts write(long accountId, long userId, @Nullable String accountCurrency,
            List<ProviderTransaction> transactions, PendingRows pending, LedgerChanges.Rows changed) {
        OffsetDateTime now = DbTime.at(clock.instant());
        long version = versions.next(userId);
        Map<String, ProviderTransaction> distinct = new LinkedHashMap<>();
        transactions.forEach(transaction -> distinct.putIfAbsent(transaction.id(), transaction));
        replacements.rekey(accountId, List.copyOf(distinct.values()), pending, now);
        var result = inserts.insertNew(accountId, userId, accountCurrency, List.copyOf(distinct.values()), now,
                version);
        Set<String> firstInserted = new HashSet<>(result.inserted());
        int added = 0;
        List<ProviderTransaction> rest = new ArrayList<>(transactions.size());
        for (ProviderTransaction transaction : transactions) {
            if (firstInserted.remove(transaction.id())) {
                added += transaction.deleted() == null ? 1 : 0;
            } else {
                rest.add(transaction);
            }
        }
        changes.addStored(changed, accountId, result.existing().keySet());
        transactions.forEach(transaction -> changed.add(transaction.date(), transaction.amount()));
        WriteCounts counts = new WriteCounts(added, 0, 0)
                .plus(merge(accountId, userId, accountCurrency, rest, result.existing(), now, version));
        announce(userId, accountId, counts, version);
        return counts;
    }

    /** Publishes what a write changed, inside its database transaction: the event log records it with the rows. */
    private void announce(long userId, long accountId, WriteCounts counts, long version) {
        if (counts.total() == 0) {
            return;
        }
        long connectionId = connectionOfAccount.get(accountId,
                account -> jdbc.sql("SELECT connection_id FROM accounts WHERE id = :account")
                        .param("account", account)
                        .query(Long.class)
                        .single());
        events.publishEvent(new TransactionsChanged(userId, connectionId, accountId, counts,
                ChangeCursor.after(version).encode()));
    }

    /** Merges rows one by one, counting each that changed by what it was before ({@code existing}). */
    private WriteCounts merge(long accountId, long userId, @Nullable String accountCurrency,
            List<ProviderTransaction> rest, Map<String, Boolean> existing, OffsetDateTime now, long version) {
        if (rest.isEmpty()) {
            return WriteCounts.NONE;
        }
        MapSqlParameterSource[] batch = new MapSqlParameterSource[rest.size()];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = transactionParams(accountId, userId, accountCurrency, rest.get(i), now).addValue("version",
                    version);
        }
        int[] changed = named.batchUpdate(LedgerSql.MERGE_TRANSACTION, batch);
        int added = 0;
        int updated = 0;
        int removed = 0;
        for (int i = 0; i < changed.length; i++) {
            if (changed[i] == 0) {
                continue;
            }
            ProviderTransaction transaction = rest.get(i);
            Boolean wasDeleted = existing.get(transaction.id());
            if (wasDeleted == null) {
                added += transaction.deleted() == null ? 1 : 0;
            } else if (transaction.deleted() != null && !wasDeleted) {
                removed++;
            } else {
                updated++;
            }
        }
        return new WriteCounts(added, updated, removed);
    }

    /**
     * Marks deleted the account's live transactions dated on or after {@code from} that the provider no longer lists
     * (a reconciliation found them missing).
     *
     * @return how many were marked
     */
    public int removeMissing(long accountId, long userId, LocalDate from, Set<String> listed) {
        LedgerChanges.Rows changed = new LedgerChanges.Rows();
        int removed = Objects.requireNonNull(inTransaction.execute(
                status -> remove(accountId, userId, from, listed, changed)));
        if (removed > 0) {
            changes.changed(userId, accountId, changed);
        }
        return removed;
    }

    private int remove(long accountId, long userId, LocalDate from, Set<String> listed, LedgerChanges.Rows changed) {
        List<String> stale = new ArrayList<>();
        jdbc.sql("""
                SELECT provider_transaction_id, booked_date, amount FROM transactions
                WHERE account_id = :account AND booked_date >= :from AND deleted_at IS NULL""")
                .param("account", accountId)
                .param("from", from)
                .query(rs -> {
                    String id = Objects.requireNonNull(rs.getString(1));
                    if (!listed.contains(id)) {
                        stale.add(id);
                        changed.add(rs.getObject(2, LocalDate.class), rs.getBigDecimal(3));
                    }
                });
        if (stale.isEmpty()) {
            return 0;
        }
        long version = versions.next(userId);
        int removed = jdbc.sql("""
                UPDATE transactions SET deleted_at = :now, updated_at = :now, change_version = :version
                WHERE account_id = :account AND provider_transaction_id IN (:ids)""")
                .param("now", DbTime.at(clock.instant()))
                .param("version", version)
                .param("account", accountId)
                .param("ids", stale)
                .update();
        announce(userId, accountId, new WriteCounts(0, 0, removed), version);
        return removed;
    }

    /**
     * Expires the user's change-feed cursors, in the caller's database transaction: rows are about to be deleted
     * outright (a connection deleted with its history), so a client must read the feed again from the beginning.
     */
    @Transactional
    public void expireChangeCursors(long userId) {
        versions.expireCursors(userId);
    }

    private static MapSqlParameterSource accountParams(long connectionId, long userId, ProviderAccount account,
            OffsetDateTime now) {
        return new MapSqlParameterSource().addValue("connection", connectionId)
                .addValue("user", userId)
                .addValue("ref", account.id())
                .addValue("name", Text.clip(account.name(), 300))
                .addValue("originalName", Text.clip(account.originalName(), 300))
                .addValue("type", Text.clip(account.type(), 64))
                .addValue("number", Text.clip(account.number(), 64))
                .addValue("iban", Text.clip(account.iban(), 64))
                .addValue("currency", Currencies.orUnknown(account.currency()))
                .addValue("balance", account.balance())
                .addValue("coming", account.coming())
                .addValue("disabled", DbTime.param(account.disabled()))
                .addValue("deleted", DbTime.param(account.deleted()))
                .addValue("lastUpdate", account.providerLastUpdate())
                .addValue("now", now);
    }

    private static MapSqlParameterSource transactionParams(long accountId, long userId,
            @Nullable String accountCurrency, ProviderTransaction transaction, OffsetDateTime now) {
        String currency = Currencies.of(transaction, accountCurrency);
        return new MapSqlParameterSource().addValue("account", accountId)
                .addValue("user", userId)
                .addValue("ref", transaction.id())
                .addValue("date", transaction.date())
                .addValue("valueDate", transaction.valueDate())
                .addValue("operationDate", transaction.realizationDate())
                .addValue("amount", transaction.amount())
                .addValue("currency", currency)
                .addValue("originalWording", Text.clip(transaction.originalWording(), 1000))
                .addValue("simplifiedWording", Text.clip(transaction.simplifiedWording(), 1000))
                .addValue("wording", Text.clip(transaction.wording(), 1000))
                .addValue("type", Text.clip(transaction.type(), 64))
                .addValue("pending", transaction.pending())
                .addValue("deleted", DbTime.param(transaction.deleted()))
                .addValue("lastUpdate", transaction.providerLastUpdate())
                .addValue("originalAmount", transaction.originalAmount(), Types.NUMERIC)
                .addValue("originalCurrency", Currencies.original(transaction.originalCurrency()), Types.VARCHAR)
                .addValue("category", transaction.categoryId(), Types.BIGINT)
                .addValue("counterpartyIban", Text.clip(transaction.counterpartyIban(), 64), Types.VARCHAR)
                .addValue("now", now);
    }
}
