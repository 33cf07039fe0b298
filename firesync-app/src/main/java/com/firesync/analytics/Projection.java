package com.firesync.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * A Monte Carlo projection of each currency's investable portfolio: every run draws each year's return from a normal
 * law (mean and volatility), then adds the year's contribution at its end. The same seed gives the same runs; with
 * a volatility of 0 every run is the closed form of {@link Growth}.
 */
@Service
public class Projection {

    private final Fire fire;

    Projection(Fire fire) {
        this.fire = fire;
    }

    /** The user's projection per currency. */
    public List<CurrencyProjection> project(long userId, FireQuery fireQuery, ProjectionQuery query) {
        List<CurrencyProjection> answer = new ArrayList<>();
        for (Fire.Plan plan : fire.plans(userId, fireQuery)) {
            double mean = query.meanReturn() != null
                    ? query.meanReturn()
                    : plan.realReturn().value().doubleValue();
            List<Assumption> assumptions = new ArrayList<>(plan.assumptions());
            assumptions.add(Assumption.of("meanReturn", decimal(query.meanReturn()), BigDecimal.valueOf(mean)));
            assumptions.add(Assumption.of("volatility", decimal(query.volatility()),
                    BigDecimal.valueOf(ProjectionQuery.DEFAULT_VOLATILITY)));
            assumptions.add(Assumption.of("seed", query.seed() == null ? null : BigDecimal.valueOf(query.seed()),
                    BigDecimal.valueOf(ProjectionQuery.DEFAULT_SEED)));
            answer.add(new CurrencyProjection(plan.currency(), Cents.of(plan.investable()), plan.fiNumber(),
                    years(plan, query, mean), assumptions));
        }
        return answer;
    }

    private static List<Year> years(Fire.Plan plan, ProjectionQuery query, double mean) {
        int runs = query.runs();
        int years = query.years();
        double volatility = query.volatility() == null ? ProjectionQuery.DEFAULT_VOLATILITY : query.volatility();
        double contribution = plan.annualSavings().value().doubleValue();
        double target = plan.fiNumber().doubleValue();
        double[][] values = new double[years][runs];
        int[] reachedBy = new int[years];
        var random = new SplittableRandom(query.seed() == null ? ProjectionQuery.DEFAULT_SEED : query.seed());
        for (int run = 0; run < runs; run++) {
            double portfolio = plan.investable().doubleValue();
            boolean reached = portfolio >= target;
            for (int year = 0; year < years; year++) {
                double yearReturn = volatility == 0 ? mean : mean + volatility * random.nextGaussian();
                portfolio = portfolio * (1 + yearReturn) + contribution;
                values[year][run] = portfolio;
                reached |= portfolio >= target;
                reachedBy[year] += reached ? 1 : 0;
            }
        }
        List<Year> answer = new ArrayList<>(years);
        for (int year = 0; year < years; year++) {
            double[] sorted = values[year];
            Arrays.sort(sorted);
            answer.add(new Year(year + 1, Cents.of(percentile(sorted, 10)), Cents.of(percentile(sorted, 50)),
                    Cents.of(percentile(sorted, 90)),
                    BigDecimal.valueOf(reachedBy[year]).divide(BigDecimal.valueOf(runs), 4, RoundingMode.HALF_UP)));
        }
        return answer;
    }

    /** The nearest-rank percentile of sorted values: the smallest value at or above {@code percent}% of them. */
    static double percentile(double[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static @Nullable BigDecimal decimal(@Nullable Double value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }

    /** One currency's projection, from today's investable assets towards its FI number. */
    public record CurrencyProjection(String currency, BigDecimal investableAssets, BigDecimal fiNumber,
            List<Year> years, List<Assumption> assumptions) {
    }

    /**
     * The portfolio at the end of a projected year.
     *
     * @param probabilityFi the share of runs that reached the FI number by the end of that year
     */
    public record Year(int year, BigDecimal p10, BigDecimal p50, BigDecimal p90, BigDecimal probabilityFi) {
    }
}
