package com.firesync.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Income, expenses and savings per period and currency. Income is what the everyday, savings and card accounts
 * received, expenses what they paid; internal transfers and the rows of loan and investment accounts are neither.
 * Savings are income minus expenses; the savings rate is savings divided by income.
 */
@Service
public class CashFlow {

    private final AnalyticsData data;

    CashFlow(AnalyticsData data) {
        this.data = data;
    }

    /** The user's cash flow per calendar month between two days (the first and last clipped to them). */
    public List<CurrencyFlows> periods(long userId, LocalDate from, LocalDate to) {
        var accounts = data.accounts(userId).keySet();
        List<Interval.Period> periods = Interval.MONTH.periods(from, to);
        Map<String, Flow[]> byCurrency = new TreeMap<>();
        for (AnalyticsData.Month month : data.months(userId, accounts, from, to)) {
            Flow[] flows = byCurrency.computeIfAbsent(month.currency(), c -> empty(periods));
            int index = indexOf(periods, month.month().atEndOfMonth());
            flows[index] = flows[index].plus(month.income(), month.expenses(), month.transfers());
        }
        List<CurrencyFlows> answer = new ArrayList<>();
        byCurrency.forEach((currency, flows) -> {
            Flow total = new Flow(from, to, BigDecimal.ZERO, BigDecimal.ZERO, 0);
            List<Figures> figures = new ArrayList<>();
            for (Flow flow : flows) {
                figures.add(flow.figures());
                total = total.plus(flow.income(), flow.expenses(), flow.transfers());
            }
            answer.add(new CurrencyFlows(currency, figures, total.figures()));
        });
        return answer;
    }

    /** The user's income and expenses between two days, per currency. */
    Map<String, Figures> totals(long userId, LocalDate from, LocalDate to) {
        Map<String, Figures> totals = new TreeMap<>();
        periods(userId, from, to).forEach(flows -> totals.put(flows.currency(), flows.total()));
        return totals;
    }

    private static Flow[] empty(List<Interval.Period> periods) {
        Flow[] flows = new Flow[periods.size()];
        for (int i = 0; i < flows.length; i++) {
            Interval.Period period = periods.get(i);
            flows[i] = new Flow(period.from(), period.to(), BigDecimal.ZERO, BigDecimal.ZERO, 0);
        }
        return flows;
    }

    private static int indexOf(List<Interval.Period> periods, LocalDate day) {
        int low = 0;
        int high = periods.size() - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (periods.get(middle).to().isBefore(day)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private record Flow(LocalDate from, LocalDate to, BigDecimal income, BigDecimal expenses, int transfers) {

        Flow plus(BigDecimal moreIncome, BigDecimal moreExpenses, int moreTransfers) {
            return new Flow(from, to, income.add(moreIncome), expenses.add(moreExpenses), transfers + moreTransfers);
        }

        Figures figures() {
            BigDecimal savings = income.subtract(expenses);
            return new Figures(from, to, Cents.of(income), Cents.of(expenses), Cents.of(savings),
                    rate(savings, income), transfers);
        }
    }

    private static @Nullable BigDecimal rate(BigDecimal savings, BigDecimal income) {
        return income.signum() == 0 ? null : savings.divide(income, 4, RoundingMode.HALF_UP);
    }

    /** One currency's periods and their total. */
    public record CurrencyFlows(String currency, List<Figures> periods, Figures total) {
    }

    /**
     * The cash flow of a period.
     *
     * @param savingsRate savings divided by income, to four decimals; {@code null} without income
     * @param transfersExcluded how many rows were left out as internal transfers
     */
    public record Figures(LocalDate from, LocalDate to, BigDecimal income, BigDecimal expenses, BigDecimal savings,
            @Nullable BigDecimal savingsRate, int transfersExcluded) {
    }
}
