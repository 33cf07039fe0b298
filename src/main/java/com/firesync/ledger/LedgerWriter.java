package com.firesync.ledger;

import com.firesync.provider.ProviderAccount;
import com.firesync.provider.ProviderTransaction;
import com.firesync.runtime.DatabaseKind;
import com.firesync.shared.DbTime;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes what a provider reports into the ledger, idempotently: rows are keyed by the provider's ids, a row is
 * updated only when something in it changed, and writing the same data twice changes nothing. One standard
 * {@code MERGE} per row kind serves PostgreSQL 15+ and H2; on PostgreSQL, transactions not stored yet go in with one
 * set-based insert per batch instead (a backfill writes hundreds of thousands).
 */
@Service
public class LedgerWriter {

    private final NamedParameterJdbcTemplate named;

    private final JdbcClient jdbc;

    private final Clock clock;

    /** Whether the database is PostgreSQL (else H2). */
    private final boolean postgres;

    LedgerWriter(NamedParameterJdbcTemplate named, JdbcClient jdbc, Clock clock, Environment environment) {
        this.named = named;
        this.jdbc = jdbc;
        this.clock = clock;
        this.postgres = DatabaseKind.configured(environment) == DatabaseKind.POSTGRESQL;
    }

    /**
     * Stores a connection's accounts and today's balance of each, and answers FireSync's account id for each
     * provider account id.
     */
    @Transactional
    public Map<String, Long> writeAccounts(long connectionId, long userId, List<ProviderAccount> accounts) {
        OffsetDateTime now = DbTime.param(clock.instant());
        for (ProviderAccount account : accounts) {
            named.update(LedgerSql.MERGE_ACCOUNT, accountParams(connectionId, userId, account, now));
        }
        Map<String, Long> stored = new HashMap<>();
        jdbc.sql("SELECT provider_account_id, id FROM accounts WHERE connection_id = :c")
                .param("c", connectionId)
                .query((rs, row) -> stored.put(rs.getString(1), rs.getLong(2)))
                .list();
        Map<String, Long> ids = new HashMap<>();
        for (ProviderAccount account : accounts) {
            long id = stored.get(account.id());
            ids.put(account.id(), id);
            if (account.balance() != null) {
                named.update(LedgerSql.MERGE_BALANCE, new MapSqlParameterSource().addValue("account", id)
                        .addValue("day", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))
                        .addValue("balance", account.balance())
                        .addValue("currency", currency(account.currency()))
                        .addValue("now", now));
            }
        }
        return ids;
    }

    /**
     * Stores a batch of one account's transactions in one database transaction, and tells what changed. On
     * PostgreSQL, one statement finds the stored ones and inserts the others; the stored ones (and a transaction
     * listed twice) are then merged one by one.
     */
    @Transactional
    public WriteCounts writeTransactions(long accountId, long userId, String accountCurrency,
            List<ProviderTransaction> transactions) {
        if (transactions.isEmpty()) {
            return WriteCounts.NONE;
        }
        OffsetDateTime now = DbTime.param(clock.instant());
        int added = 0;
        boolean[] inserted = new boolean[transactions.size()];
        Map<String, Boolean> existing;
        if (postgres) {
            existing = new HashMap<>();
            added = insertNew(accountId, userId, accountCurrency, transactions, now, existing, inserted);
        } else {
            existing = existing(accountId, transactions);
        }
        List<ProviderTransaction> rest = new ArrayList<>(transactions.size());
        for (int i = 0; i < transactions.size(); i++) {
            if (!inserted[i]) {
                rest.add(transactions.get(i));
            }
        }
        if (rest.isEmpty()) {
            return new WriteCounts(added, 0, 0);
        }
        MapSqlParameterSource[] batch = new MapSqlParameterSource[rest.size()];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = transactionParams(accountId, userId, accountCurrency, rest.get(i), now);
        }
        int[] changed = named.batchUpdate(LedgerSql.MERGE_TRANSACTION, batch);
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
     * PostgreSQL: in one statement, puts in {@code existing} the batch's transactions stored already (and whether each
     * is marked deleted) and inserts the first occurrence of each of the others; marks in {@code inserted} the ones it
     * stored, and answers how many of those count as added (not deleted).
     */
    private int insertNew(long accountId, long userId, String accountCurrency, List<ProviderTransaction> transactions,
            OffsetDateTime now, Map<String, Boolean> existing, boolean[] inserted) {
        int size = transactions.size();
        int[] index = new int[size];
        String[][] columns = new String[15][size];
        Set<String> seen = new HashSet<>();
        int rows = 0;
        for (int i = 0; i < size; i++) {
            ProviderTransaction transaction = transactions.get(i);
            if (!seen.add(transaction.id())) {
                continue;
            }
            index[rows] = i;
            columns[0][rows] = transaction.id();
            columns[1][rows] = transaction.date().toString();
            columns[2][rows] = text(transaction.valueDate());
            columns[3][rows] = text(transaction.realizationDate());
            columns[4][rows] = transaction.amount().toPlainString();
            columns[5][rows] = transaction.currency() == null ? accountCurrency : currency(transaction.currency());
            columns[6][rows] = limit(transaction.originalWording(), 1000);
            columns[7][rows] = limit(transaction.simplifiedWording(), 1000);
            columns[8][rows] = limit(transaction.wording(), 1000);
            columns[9][rows] = limit(transaction.type(), 64);
            columns[10][rows] = Boolean.toString(transaction.pending());
            columns[11][rows] = transaction.deleted() == null ? null : micros(transaction.deleted()).toString();
            columns[12][rows] = transaction.providerLastUpdate() == null
                    ? null
                    : micros(transaction.providerLastUpdate()).toString();
            columns[13][rows] = transaction.originalAmount() == null
                    ? null
                    : transaction.originalAmount().toPlainString();
            columns[14][rows] = originalCurrency(transaction.originalCurrency());
            rows++;
        }
        String[] names = {"refs", "dates", "valueDates", "operationDates", "amounts", "currencies", "originalWordings",
                "simplifiedWordings", "wordings", "types", "pendings", "deleteds", "lastUpdates", "originalAmounts",
                "originalCurrencies"};
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("account", accountId)
                .addValue("user", userId)
                .addValue("now", now);
        for (int c = 0; c < names.length; c++) {
            params.addValue(names[c], new SqlArrayValue("text", (Object[]) Arrays.copyOf(columns[c], rows)));
        }
        Set<String> insertedIds = new HashSet<>();
        named.query(LedgerSql.WRITE_NEW_TRANSACTIONS, params, rs -> {
            if (rs.getBoolean(3)) {
                insertedIds.add(rs.getString(1));
            } else {
                existing.put(rs.getString(1), rs.getBoolean(2));
            }
        });
        int added = 0;
        for (int r = 0; r < rows; r++) {
            ProviderTransaction transaction = transactions.get(index[r]);
            if (insertedIds.contains(transaction.id())) {
                inserted[index[r]] = true;
                added += transaction.deleted() == null ? 1 : 0;
            }
        }
        return added;
    }

    /**
     * Marks deleted the account's live transactions dated on or after {@code from} that the provider no longer lists
     * (a reconciliation found them missing).
     *
     * @return how many were marked
     */
    @Transactional
    public int removeMissing(long accountId, LocalDate from, Set<String> listed) {
        List<String> stale = jdbc.sql("""
                SELECT provider_transaction_id FROM transactions
                WHERE account_id = :account AND booked_date >= :from AND deleted_at IS NULL""")
                .param("account", accountId)
                .param("from", from)
                .query(String.class)
                .list()
                .stream()
                .filter(id -> !listed.contains(id))
                .toList();
        if (stale.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                UPDATE transactions SET deleted_at = :now, updated_at = :now
                WHERE account_id = :account AND provider_transaction_id IN (:ids)""")
                .param("now", DbTime.param(clock.instant()))
                .param("account", accountId)
                .param("ids", stale)
                .update();
    }

    private Map<String, Boolean> existing(long accountId, List<ProviderTransaction> transactions) {
        Map<String, Boolean> existing = new HashMap<>();
        List<String> ids = transactions.stream().map(ProviderTransaction::id).distinct().toList();
        jdbc.sql("""
                SELECT provider_transaction_id, deleted_at FROM transactions
                WHERE account_id = :account AND provider_transaction_id IN (:ids)""")
                .param("account", accountId)
                .param("ids", ids)
                .query((rs, row) -> existing.put(rs.getString(1), rs.getObject(2) != null))
                .list();
        return existing;
    }

    private static MapSqlParameterSource accountParams(long connectionId, long userId, ProviderAccount account,
            OffsetDateTime now) {
        return new MapSqlParameterSource().addValue("connection", connectionId)
                .addValue("user", userId)
                .addValue("ref", account.id())
                .addValue("name", limit(account.name(), 300))
                .addValue("originalName", limit(account.originalName(), 300))
                .addValue("type", limit(account.type(), 64))
                .addValue("number", limit(account.number(), 64))
                .addValue("iban", limit(account.iban(), 64))
                .addValue("currency", currency(account.currency()))
                .addValue("balance", account.balance())
                .addValue("coming", account.coming())
                .addValue("disabled", DbTime.param(account.disabled()))
                .addValue("deleted", DbTime.param(account.deleted()))
                .addValue("lastUpdate", account.providerLastUpdate())
                .addValue("now", now);
    }

    private static MapSqlParameterSource transactionParams(long accountId, long userId, String accountCurrency,
            ProviderTransaction transaction, OffsetDateTime now) {
        String currency = transaction.currency() == null ? accountCurrency : currency(transaction.currency());
        return new MapSqlParameterSource().addValue("account", accountId)
                .addValue("user", userId)
                .addValue("ref", transaction.id())
                .addValue("date", transaction.date())
                .addValue("valueDate", transaction.valueDate())
                .addValue("operationDate", transaction.realizationDate())
                .addValue("amount", transaction.amount())
                .addValue("currency", currency)
                .addValue("originalWording", limit(transaction.originalWording(), 1000))
                .addValue("simplifiedWording", limit(transaction.simplifiedWording(), 1000))
                .addValue("wording", limit(transaction.wording(), 1000))
                .addValue("type", limit(transaction.type(), 64))
                .addValue("pending", transaction.pending())
                .addValue("deleted", DbTime.param(transaction.deleted()))
                .addValue("lastUpdate", transaction.providerLastUpdate())
                .addValue("originalAmount", transaction.originalAmount(), Types.NUMERIC)
                .addValue("originalCurrency", originalCurrency(transaction.originalCurrency()), Types.VARCHAR)
                .addValue("now", now);
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * A timestamp rounded to microseconds as PgJDBC rounds a bound parameter, so that text sent in an array stores
     * the same value as the {@code MERGE}'s parameters compare with.
     */
    private static Instant micros(Instant instant) {
        return instant.plusNanos(toNearestMicro(instant.getNano()));
    }

    private static LocalDateTime micros(LocalDateTime time) {
        return time.plusNanos(toNearestMicro(time.getNano()));
    }

    /** The nanoseconds to add to reach the nearest microsecond, halves rounded up. */
    private static int toNearestMicro(int nano) {
        int below = nano % 1000;
        return below > 499 ? 1000 - below : -below;
    }

    /** A foreign currency code, or null when the operation was made in the account's currency. */
    private static @Nullable String originalCurrency(@Nullable String code) {
        return code == null || code.isBlank() ? null : limit(code, 8);
    }

    static String currency(@Nullable String code) {
        return code == null || code.isBlank() ? "XXX" : limit(code, 8);
    }

    private static @Nullable String limit(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
