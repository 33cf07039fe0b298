package com.firesync.analytics.web;

import com.firesync.analytics.AnalyticsSettings;
import com.firesync.analytics.CashFlow;
import com.firesync.analytics.Fire;
import com.firesync.analytics.FireQuery;
import com.firesync.analytics.Interval;
import com.firesync.analytics.NetWorth;
import com.firesync.analytics.Projection;
import com.firesync.analytics.ProjectionQuery;
import com.firesync.analytics.Rollups;
import com.firesync.analytics.Spending;
import com.firesync.shared.ApiException;
import com.firesync.shared.ApiResponse;
import com.firesync.shared.Caller;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's FIRE analytics. Ranges default to the 12 calendar months ending today (at the bank); amounts are per
 * currency, never summed across currencies.
 */
@RestController
@RequestMapping("/api/analytics")
class AnalyticsController {

    /** The most points a series may hold (27 years of days). */
    static final long MAX_POINTS = 10_000;

    private static final BigDecimal ONE = BigDecimal.ONE;

    private final NetWorth netWorth;

    private final CashFlow cashFlow;

    private final Spending spending;

    private final Fire fire;

    private final Projection projection;

    private final AnalyticsSettings settings;

    private final Clock clock;

    private final Rollups rollups;

    AnalyticsController(NetWorth netWorth, CashFlow cashFlow, Spending spending, Fire fire, Projection projection,
            AnalyticsSettings settings, Rollups rollups, Clock clock) {
        this.rollups = rollups;
        this.netWorth = netWorth;
        this.cashFlow = cashFlow;
        this.spending = spending;
        this.fire = fire;
        this.projection = projection;
        this.settings = settings;
        this.clock = clock;
    }

    /** The caller's id, once the roll-ups have caught up with every write committed before this request. */
    private long settled(Caller caller) {
        rollups.settle(caller.userId(), true);
        return caller.userId();
    }

    @GetMapping("/net-worth")
    ApiResponse<Series<NetWorth.CurrencySeries>> netWorth(@AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String interval) {
        Range range = range(from, to);
        Interval cut = Parameters.choice("interval", interval, Interval.class, Interval.MONTH);
        if (cut == Interval.DAY && ChronoUnit.DAYS.between(range.from(), range.to()) >= MAX_POINTS) {
            throw ApiException.invalidParameter("from", "must be fewer than " + MAX_POINTS + " days before 'to'");
        }
        return ApiResponse.ok(new Series<>(range.from(), range.to(), cut,
                netWorth.series(settled(caller), range.from(), range.to(), cut)));
    }

    @GetMapping("/cash-flow")
    ApiResponse<Series<CashFlow.CurrencyFlows>> cashFlow(@AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String interval) {
        Range range = range(from, to);
        if (interval != null && !interval.strip().equalsIgnoreCase("month")) {
            throw ApiException.invalidParameter("interval", "must be month");
        }
        return ApiResponse.ok(new Series<>(range.from(), range.to(), Interval.MONTH,
                cashFlow.periods(settled(caller), range.from(), range.to())));
    }

    @GetMapping("/spending")
    ApiResponse<SpendingAnswer> spending(@AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String by) {
        Range range = range(from, to);
        Split split = Parameters.choice("by", by, Split.class, Split.CATEGORY);
        return ApiResponse.ok(new SpendingAnswer(range.from(), range.to(), split.name().toLowerCase(),
                spending.spending(settled(caller), range.from(), range.to(), split == Split.CATEGORY)));
    }

    @GetMapping("/fire")
    ApiResponse<List<Fire.Figures>> fire(@AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable String withdrawalRate,
            @RequestParam(required = false) @Nullable String realReturn,
            @RequestParam(required = false) @Nullable String annualExpenses,
            @RequestParam(required = false) @Nullable String annualSavings,
            @RequestParam(required = false) @Nullable String coastYears) {
        return ApiResponse.ok(fire.figures(settled(caller),
                fireQuery(withdrawalRate, realReturn, annualExpenses, annualSavings, coastYears)));
    }

    @GetMapping("/fire/projection")
    ApiResponse<List<Projection.CurrencyProjection>> projection(@AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable String years,
            @RequestParam(required = false) @Nullable String runs,
            @RequestParam(required = false) @Nullable String seed,
            @RequestParam(required = false) @Nullable String meanReturn,
            @RequestParam(required = false) @Nullable String volatility,
            @RequestParam(required = false) @Nullable String withdrawalRate,
            @RequestParam(required = false) @Nullable String annualExpenses,
            @RequestParam(required = false) @Nullable String annualSavings) {
        var query = new ProjectionQuery((int) Parameters.integer("years", years, 1, settings.maxYears(), 40),
                (int) Parameters.integer("runs", runs, 1, settings.maxRuns(), 10_000),
                seed == null ? null : Parameters.integer("seed", seed, Long.MIN_VALUE, Long.MAX_VALUE, 0),
                asDouble(Parameters.decimal("meanReturn", meanReturn, ONE.negate(), ONE)),
                asDouble(Parameters.decimal("volatility", volatility, new BigDecimal("-0.000001"), ONE)));
        return ApiResponse.ok(projection.project(settled(caller),
                fireQuery(withdrawalRate, null, annualExpenses, annualSavings, null), query));
    }

    private static FireQuery fireQuery(@Nullable String withdrawalRate, @Nullable String realReturn,
            @Nullable String annualExpenses, @Nullable String annualSavings, @Nullable String coastYears) {
        BigDecimal huge = new BigDecimal("1e12");
        return new FireQuery(Parameters.decimal("withdrawalRate", withdrawalRate, BigDecimal.ZERO, ONE),
                Parameters.decimal("realReturn", realReturn, ONE.negate(), ONE),
                Parameters.decimal("annualExpenses", annualExpenses, new BigDecimal("-0.000001"), huge),
                Parameters.decimal("annualSavings", annualSavings, huge.negate(), huge),
                coastYears == null ? null : (int) Parameters.integer("coastYears", coastYears, 0, 100, 0));
    }

    private static @Nullable Double asDouble(@Nullable BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    private Range range(@Nullable String rawFrom, @Nullable String rawTo) {
        LocalDate to = Parameters.date("to", rawTo);
        LocalDate from = Parameters.date("from", rawFrom);
        if (to == null) {
            to = LocalDate.ofInstant(clock.instant(), settings.zone());
        }
        if (from == null) {
            from = to.withDayOfMonth(1).minusMonths(11);
        }
        if (from.isAfter(to)) {
            throw ApiException.invalidParameter("from", "must not be after 'to'");
        }
        return new Range(from, to);
    }

    private record Range(LocalDate from, LocalDate to) {
    }

    private enum Split {
        CATEGORY, MONTH
    }

    /** A series answer: the range and cut it covers, and one entry per currency. */
    record Series<T>(LocalDate from, LocalDate to, Interval interval, List<T> currencies) {
    }

    /** A spending answer: the range, the split and one entry per currency. */
    record SpendingAnswer(LocalDate from, LocalDate to, String by, List<Spending.CurrencySpending> currencies) {
    }
}
