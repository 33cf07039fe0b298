package com.firesync.analytics;

import com.firesync.ledger.AccountView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Financial-independence figures per currency: the FI number (annual expenses divided by the withdrawal rate), the
 * investable assets (today's balances of savings and investment accounts), the progress towards it, the years to
 * reach it with yearly contributions (closed form), the date, and the coast FI number.
 */
@Service
public class Fire {

    private final AnalyticsData data;

    private final CashFlow cashFlow;

    private final Clock clock;

    private final AnalyticsSettings settings;

    Fire(AnalyticsData data, CashFlow cashFlow, Clock clock, AnalyticsSettings settings) {
        this.data = data;
        this.cashFlow = cashFlow;
        this.clock = clock;
        this.settings = settings;
    }

    /** The user's FIRE figures, one per currency of their accounts. */
    public List<Figures> figures(long userId, FireQuery query) {
        return plans(userId, query).stream().map(this::figures).toList();
    }

    /** What the figures of each currency rest on. */
    List<Plan> plans(long userId, FireQuery query) {
        LocalDate today = today();
        LocalDate to = today.withDayOfMonth(1).minusDays(1);
        LocalDate from = to.withDayOfMonth(1).minusMonths(11);
        Map<Long, AccountView> accounts = data.accounts(userId);
        Map<String, CashFlow.Figures> measured = cashFlow.totals(userId, from, to);
        Map<String, BigDecimal> investable = new TreeMap<>();
        var currencies = new TreeSet<String>();
        for (AccountView account : accounts.values()) {
            currencies.add(account.currency());
            if (AccountKind.of(account.type()).investable() && account.balance() != null) {
                investable.merge(account.currency(), account.balance(), BigDecimal::add);
            }
        }
        List<Plan> plans = new ArrayList<>();
        for (String currency : currencies) {
            CashFlow.Figures flows = measured.get(currency);
            BigDecimal expenses = flows == null ? BigDecimal.ZERO : flows.expenses();
            BigDecimal savings = flows == null ? BigDecimal.ZERO : flows.savings();
            plans.add(new Plan(currency, today, investable.getOrDefault(currency, BigDecimal.ZERO),
                    Assumption.of("withdrawalRate", query.withdrawalRate(), FireQuery.DEFAULT_WITHDRAWAL_RATE),
                    Assumption.of("realReturn", query.realReturn(), FireQuery.DEFAULT_REAL_RETURN),
                    Assumption.measured("annualExpenses", query.annualExpenses(), expenses, from, to),
                    Assumption.measured("annualSavings", query.annualSavings(), savings, from, to),
                    Assumption.of("coastYears", query.coastYears() == null
                            ? null
                            : BigDecimal.valueOf(query.coastYears()),
                            BigDecimal.valueOf(FireQuery.DEFAULT_COAST_YEARS))));
        }
        return plans;
    }

    private Figures figures(Plan plan) {
        BigDecimal fiNumber = plan.fiNumber();
        double rate = plan.realReturn().value().doubleValue();
        OptionalDouble years = Growth.yearsTo(fiNumber.doubleValue(), plan.investable().doubleValue(),
                plan.annualSavings().value().doubleValue(), rate);
        BigDecimal progress = fiNumber.signum() == 0
                ? null
                : plan.investable().divide(fiNumber, 4, RoundingMode.HALF_UP);
        double coast = fiNumber.doubleValue() / Math.pow(1 + rate, plan.coastYears().value().doubleValue());
        return new Figures(plan.currency(), Cents.of(plan.annualExpenses().value()),
                Cents.of(plan.annualSavings().value()), fiNumber, Cents.of(plan.investable()), progress,
                years.isPresent() ? BigDecimal.valueOf(years.getAsDouble()).setScale(2, RoundingMode.HALF_UP) : null,
                years.isPresent() ? plan.today().plusDays(Math.round(years.getAsDouble() * 365.25)) : null,
                Cents.of(coast), plan.assumptions());
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), settings.zone());
    }

    /** One currency's inputs. */
    record Plan(String currency, LocalDate today, BigDecimal investable, Assumption withdrawalRate,
            Assumption realReturn, Assumption annualExpenses, Assumption annualSavings, Assumption coastYears) {

        BigDecimal fiNumber() {
            return annualExpenses.value().divide(withdrawalRate.value(), 2, RoundingMode.HALF_UP);
        }

        List<Assumption> assumptions() {
            return List.of(withdrawalRate, realReturn, annualExpenses, annualSavings, coastYears);
        }
    }

    /**
     * One currency's FIRE figures.
     *
     * @param fiNumber annual expenses divided by the withdrawal rate
     * @param investableAssets today's balances of the savings and investment accounts
     * @param progress investable assets divided by the FI number, to four decimals; {@code null} when it is 0
     * @param yearsToFi years until the investable assets reach the FI number, contributing the annual savings at
     *        each year's end and growing at the real return; {@code null} when they never do
     * @param fiDate today plus those years (365.25 days a year)
     * @param coastFiNumber what invested today grows to the FI number in {@code coastYears} without contributions
     * @param assumptions every value used, with its source
     */
    public record Figures(String currency, BigDecimal annualExpenses, BigDecimal annualSavings, BigDecimal fiNumber,
            BigDecimal investableAssets, @Nullable BigDecimal progress, @Nullable BigDecimal yearsToFi,
            @Nullable LocalDate fiDate, BigDecimal coastFiNumber, List<Assumption> assumptions) {
    }
}
