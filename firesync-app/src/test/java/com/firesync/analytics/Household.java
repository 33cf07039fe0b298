package com.firesync.analytics;

import com.firesync.ledger.LedgerWriter;
import com.firesync.provider.ProviderAccount;
import com.firesync.provider.ProviderTransaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A hand-computed household over 2025, written through the ledger's write path month by month (so transfers are
 * paired across batches). All amounts in EUR except one USD account.
 *
 * <pre>
 * checking (FR76...01, 1,000.00 before 2025): each month
 *   1st  +3,000.00 salary (December +4,500.00: bonus)           category 1
 *   3rd  -1,000.00 mortgage payment                               category 10
 *   5th    -500.00 to savings (counterparty IBAN of savings)      -> transfer
 *   10th   -400.00 groceries                                      category 20
 *   15th   -100.00 utilities                                      category 30
 *   20th   -200.00 to the PEA                                     -> transfer (credited the 22nd)
 *   last   -300.00 card settlement                                -> transfer (card credited the same day)
 *   monthly net +500.00 (December +2,000.00): 31 Dec 2025 balance 1,000 + 11 x 500 + 2,000 = 8,500.00
 * card: 8th -120.00 leisure (category 40), 18th -180.00 transport (category 50), last day +300.00: 0.00 at month end
 * savings (Livret A, FR76...02): 6th +500.00 (transfer), 31 Dec +60.00 interest (category 2): 6,060.00
 * pea: 22nd +200.00 (transfer); valued 2,640.00 at the sync on 15 Jan 2026
 * loan: 3rd +400.00 capital repaid; -150,000.00 at the sync
 * usd checking: 10 Jun +1,000.00 (category 1), 12 Jun -250.00 (category 20): 750.00
 * </pre>
 */
final class Household {

    static final String CHECKING_IBAN = "FR7600000000000000000000001";

    static final String SAVINGS_IBAN = "FR7600000000000000000000002";

    private final LedgerWriter writer;

    private final long connectionId;

    private final long userId;

    Map<String, Long> ids = Map.of();

    Household(LedgerWriter writer, long connectionId, long userId) {
        this.writer = writer;
        this.connectionId = connectionId;
        this.userId = userId;
    }

    /** Stores the accounts with their balances as synced on the clock's day (15 Jan 2026). */
    void writeAccounts() {
        ids = writer.writeAccounts(connectionId, userId, List.of(account("checking", "checking", CHECKING_IBAN,
                "EUR", "8500.00"), account("card", "card", null, "EUR", "0.00"),
                account("savings", "savings", SAVINGS_IBAN, "EUR", "6060.00"),
                account("pea", "pea", null, "EUR", "2640.00"), account("loan", "loan", null, "EUR", "-150000.00"),
                account("usd", "checking", null, "USD", "750.00")));
    }

    /** Writes the year's rows, one month and one account at a time. */
    void writeYear() {
        for (int month = 1; month <= 12; month++) {
            YearMonth ym = YearMonth.of(2025, month);
            write("checking", "EUR", checking(ym));
            write("card", "EUR", List.of(row("card", ym.atDay(8), "-120.00", 40L, null),
                    row("card", ym.atDay(18), "-180.00", 50L, null),
                    row("card", ym.atEndOfMonth(), "300.00", null, null)));
            List<ProviderTransaction> savings = new ArrayList<>(
                    List.of(row("savings", ym.atDay(6), "500.00", null, CHECKING_IBAN)));
            if (month == 12) {
                savings.add(row("savings", ym.atEndOfMonth(), "60.00", 2L, null));
            }
            write("savings", "EUR", savings);
            write("pea", "EUR", List.of(row("pea", ym.atDay(22), "200.00", null, null)));
            write("loan", "EUR", List.of(row("loan", ym.atDay(3), "400.00", null, null)));
        }
        write("usd", "USD", List.of(row("usd", LocalDate.of(2025, 6, 10), "1000.00", 1L, null),
                row("usd", LocalDate.of(2025, 6, 12), "-250.00", 20L, null)));
    }

    private static List<ProviderTransaction> checking(YearMonth ym) {
        return List.of(row("checking", ym.atDay(1), ym.getMonthValue() == 12 ? "4500.00" : "3000.00", 1L, null),
                row("checking", ym.atDay(3), "-1000.00", 10L, null),
                row("checking", ym.atDay(5), "-500.00", null, SAVINGS_IBAN),
                row("checking", ym.atDay(10), "-400.00", 20L, null),
                row("checking", ym.atDay(15), "-100.00", 30L, null),
                row("checking", ym.atDay(20), "-200.00", null, null),
                row("checking", ym.atEndOfMonth(), "-300.00", null, null));
    }

    void write(String account, String currency, List<ProviderTransaction> rows) {
        writer.writeTransactions(ids.get(account), userId, currency, rows);
    }

    static ProviderTransaction row(String account, LocalDate date, String amount, @Nullable Long category,
            @Nullable String counterpartyIban) {
        return new ProviderTransaction(account + "-" + date + "-" + amount, account, date, null, null, null,
                new BigDecimal(amount), null, "Row " + amount, "ROW " + amount, null, "transfer", false, null, null,
                null, null, null, category, counterpartyIban);
    }

    private static ProviderAccount account(String id, String type, @Nullable String iban, String currency,
            String balance) {
        return new ProviderAccount(id, "conn", id, null, type, null, iban, currency, new BigDecimal(balance), null,
                null, null, null, null);
    }
}
