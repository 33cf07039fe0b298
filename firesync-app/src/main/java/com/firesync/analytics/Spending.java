package com.firesync.analytics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What the user spent (the expenses of {@link CashFlow}), per category or per month, with monthly averages over the
 * calendar months the range touches.
 */
@Service
public class Spending {

    private final AnalyticsData data;

    Spending(AnalyticsData data) {
        this.data = data;
    }

    /** The user's spending between two days, per currency, split by category ({@code byCategory}) or by month. */
    public List<CurrencySpending> spending(long userId, LocalDate from, LocalDate to, boolean byCategory) {
        long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
        Map<String, Map<String, BigDecimal>> byCurrency = new TreeMap<>();
        var accounts = data.accounts(userId).keySet();
        for (AnalyticsData.Spent spent : data.spent(userId, accounts, from, to, byCategory)) {
            byCurrency.computeIfAbsent(spent.currency(), c -> new HashMap<>()).merge(spent.key(), spent.expenses(),
                    BigDecimal::add);
        }
        List<CurrencySpending> answer = new ArrayList<>();
        byCurrency.forEach((currency, totals) -> {
            BigDecimal total = totals.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            List<Part> parts = totals.entrySet().stream()
                    .map(e -> part(e.getKey(), e.getValue(), months, byCategory))
                    .sorted(byCategory
                            ? Comparator.comparing(Part::total).reversed().thenComparing(Part::key)
                            : Comparator.comparing(Part::key))
                    .toList();
            answer.add(new CurrencySpending(currency, Cents.of(total), average(total, months), parts));
        });
        return answer;
    }

    private static Part part(String key, BigDecimal total, long months, boolean byCategory) {
        Long category = byCategory && !key.equals("0") ? Long.valueOf(key) : null;
        return new Part(key, category, byCategory ? null : key, Cents.of(total),
                byCategory ? average(total, months) : null);
    }

    private static BigDecimal average(BigDecimal total, long months) {
        return total.divide(BigDecimal.valueOf(months), 2, RoundingMode.HALF_UP);
    }

    /** One currency's spending: its total, its monthly average and its parts. */
    public record CurrencySpending(String currency, BigDecimal total, BigDecimal monthlyAverage, List<Part> parts) {
    }

    /**
     * A category's or a month's spending.
     *
     * @param key the category id ({@code 0} for none) or the month, for ordering
     * @param categoryId the provider's category; {@code null} for rows without one, or when split by month
     * @param month the month as {@code YYYY-MM} when split by month
     * @param monthlyAverage for a category, its total divided by the range's months
     */
    @JsonInclude(Include.NON_NULL)
    public record Part(@JsonIgnore String key, @Nullable Long categoryId,
            @Nullable String month, BigDecimal total, @Nullable BigDecimal monthlyAverage) {
    }
}
