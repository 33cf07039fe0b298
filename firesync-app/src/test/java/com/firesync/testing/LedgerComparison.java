package com.firesync.testing;

import com.firesync.sandbox.world.ConnectionLedger;
import com.firesync.sandbox.world.LedgerAccount;
import com.firesync.sandbox.world.LedgerTransaction;
import com.firesync.sandbox.world.OriginalAmount;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Compares what FireSync stored for a connection with the sandbox's expected ledger: the same accounts and balances,
 * the same live transactions with the same amounts (and foreign amounts), booking and operation dates, bank and
 * display labels and pending flags, nothing extra, nothing duplicated. Answers the differences, empty when the two
 * agree.
 */
public final class LedgerComparison {

    private LedgerComparison() {
    }

    public static List<String> differences(JdbcClient jdbc, long connectionId, ConnectionLedger expected) {
        List<String> differences = new ArrayList<>();
        Map<String, BigDecimal> balances = new HashMap<>();
        jdbc.sql("SELECT provider_account_id, balance FROM accounts WHERE connection_id = :c AND deleted_at IS NULL")
                .param("c", connectionId)
                .query((rs, row) -> balances.put(rs.getString(1), rs.getBigDecimal(2)))
                .list();
        for (LedgerAccount account : expected.accounts()) {
            BigDecimal stored = balances.remove(Long.toString(account.id()));
            if (stored == null || stored.compareTo(BigDecimal.valueOf(account.balanceCents(), 2)) != 0) {
                differences.add("account " + account.id() + ": balance " + stored + " instead of "
                        + BigDecimal.valueOf(account.balanceCents(), 2));
            }
        }
        balances.keySet().forEach(id -> differences.add("account " + id + " should not exist"));
        Map<String, String> stored = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        jdbc.sql("""
                SELECT t.provider_transaction_id, t.amount, t.booked_date, t.pending, t.original_wording, t.wording,
                       t.operation_date, t.original_amount, t.original_currency
                FROM transactions t JOIN accounts a ON a.id = t.account_id
                WHERE a.connection_id = :c AND t.deleted_at IS NULL""")
                .param("c", connectionId)
                .query((rs, row) -> {
                    String key = rs.getString(1);
                    String value = rs.getBigDecimal(2).setScale(2) + " " + rs.getObject(3) + " pending="
                            + rs.getBoolean(4) + " " + rs.getString(5) + " [" + rs.getString(6) + "] made "
                            + rs.getObject(7) + " original="
                            + (rs.getBigDecimal(8) == null ? "null" : rs.getBigDecimal(8).setScale(2)) + " "
                            + rs.getString(9);
                    if (stored.put(key, value) != null) {
                        duplicates.add(key);
                    }
                    return key;
                })
                .list();
        duplicates.forEach(id -> differences.add("transaction " + id + " stored twice"));
        for (LedgerTransaction transaction : expected.liveTransactions()) {
            String want = BigDecimal.valueOf(transaction.valueCents(), 2) + " " + transaction.date() + " pending="
                    + transaction.coming() + " " + transaction.originalWording() + " [" + transaction.wording()
                    + "] made " + transaction.rdate() + " original=" + original(transaction);
            String have = stored.remove(Long.toString(transaction.id()));
            if (!want.equals(have)) {
                differences.add("transaction " + transaction.id() + ": " + have + " instead of " + want);
            }
        }
        stored.forEach((id, value) -> differences.add("transaction " + id + " should not be live: " + value));
        return differences;
    }

    private static String original(LedgerTransaction transaction) {
        OriginalAmount original = transaction.original();
        return original == null ? "null null" : BigDecimal.valueOf(original.cents(), 2) + " " + original.currency();
    }
}
