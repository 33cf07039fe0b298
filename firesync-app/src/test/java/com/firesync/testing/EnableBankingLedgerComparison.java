package com.firesync.testing;

import com.firesync.sandbox.world.ConnectionLedger;
import com.firesync.sandbox.world.LedgerAccount;
import com.firesync.sandbox.world.LedgerTransaction;
import com.firesync.sandbox.world.OriginalAmount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Compares what FireSync stored for an Enable Banking connection with the sandbox's expected ledger. Accounts are
 * matched by IBAN (an account's uid lives only as long as its session); booked rows by their {@code entry_reference}
 * (the world's id) with their amount, booking and operation dates, bank text and foreign amount; pending rows, which
 * carry no stable id, by their content (account, amount, operation day, text), as a multiset. Nothing extra, nothing
 * duplicated. Answers the differences, empty when the two agree.
 */
public final class EnableBankingLedgerComparison {

    private EnableBankingLedgerComparison() {
    }

    public static List<String> differences(JdbcClient jdbc, long connectionId, ConnectionLedger expected) {
        return differences(jdbc, connectionId, expected, null);
    }

    /**
     * The differences over the rows dated (booked, or made while pending) from {@code from} on, all when it is
     * {@code null}: what a bank that lists only so far back can show. Balances are compared all the same.
     */
    public static List<String> differences(JdbcClient jdbc, long connectionId, ConnectionLedger expected,
            @Nullable LocalDate from) {
        List<String> differences = new ArrayList<>();
        Map<String, BigDecimal> balances = new HashMap<>();
        jdbc.sql("SELECT iban, balance FROM accounts WHERE connection_id = :c AND deleted_at IS NULL")
                .param("c", connectionId)
                .query((rs, row) -> balances.put(rs.getString(1), rs.getBigDecimal(2)))
                .list();
        Map<Long, String> ibans = new HashMap<>();
        for (LedgerAccount account : expected.accounts()) {
            ibans.put(account.id(), account.iban());
            BigDecimal stored = balances.remove(account.iban());
            BigDecimal want = BigDecimal.valueOf(account.balanceCents(), 2);
            if (stored == null || stored.compareTo(want) != 0) {
                differences.add("account " + account.iban() + ": balance " + stored + " instead of " + want);
            }
        }
        balances.keySet().forEach(iban -> differences.add("account " + iban + " should not exist"));
        Map<String, Integer> stored = new HashMap<>();
        jdbc.sql("""
                SELECT t.provider_transaction_id, a.iban, t.amount, t.booked_date, t.pending, t.original_wording,
                       t.operation_date, t.original_amount, t.original_currency
                FROM transactions t JOIN accounts a ON a.id = t.account_id
                WHERE a.connection_id = :c AND t.deleted_at IS NULL""")
                .param("c", connectionId)
                .query((rs, row) -> {
                    if (from != null && rs.getObject(4, LocalDate.class).isBefore(from)) {
                        return 0;
                    }
                    boolean pending = rs.getBoolean(5);
                    String key = (pending ? "pending " : "booked " + rs.getString(1) + " ") + rs.getString(2) + " "
                            + rs.getBigDecimal(3).setScale(2) + (pending ? "" : " booked " + rs.getObject(4))
                            + " made " + rs.getObject(7) + " " + rs.getString(6) + " original="
                            + (rs.getBigDecimal(8) == null ? "null" : rs.getBigDecimal(8).setScale(2)) + " "
                            + rs.getString(9);
                    return stored.merge(key, 1, Integer::sum);
                })
                .list();
        for (LedgerTransaction row : expected.liveTransactions()) {
            if (from != null && row.date().isBefore(from)) {
                continue;
            }
            String key = (row.coming() ? "pending " : "booked " + row.id() + " ") + ibans.get(row.accountId()) + " "
                    + BigDecimal.valueOf(row.valueCents(), 2) + (row.coming() ? "" : " booked " + row.date())
                    + " made " + row.rdate() + " " + row.originalWording() + " original=" + original(row);
            Integer count = stored.get(key);
            if (count == null) {
                differences.add("missing or different: " + key);
            } else if (count == 1) {
                stored.remove(key);
            } else {
                stored.put(key, count - 1);
            }
        }
        stored.forEach((key, count) -> differences.add("should not be live (" + count + "x): " + key));
        return differences;
    }

    private static String original(LedgerTransaction row) {
        OriginalAmount original = row.original();
        return original == null ? "null null" : BigDecimal.valueOf(original.cents(), 2) + " " + original.currency();
    }
}
