package com.firesync.analytics;

import com.firesync.ledger.AccountView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Net worth over time, per currency: at the end of each period, assets (positive balances), liabilities (loans'
 * remaining capital, negative balances such as card debt) and their difference, split by account type.
 */
@Service
public class NetWorth {

    private final AnalyticsData data;

    private final AnalyticsSettings settings;

    NetWorth(AnalyticsData data, AnalyticsSettings settings) {
        this.data = data;
        this.settings = settings;
    }

    /** The user's net worth at the end of each period between two days. */
    public List<CurrencySeries> series(long userId, LocalDate from, LocalDate to, Interval interval) {
        Map<Long, AccountView> accounts = data.accounts(userId);
        Map<Long, BalanceHistory> histories = histories(userId, accounts, from, to);
        Map<String, List<Point>> byCurrency = new TreeMap<>();
        for (Interval.Period period : interval.periods(from, to)) {
            Map<String, Tally> points = new HashMap<>();
            histories.forEach((id, history) -> {
                var balance = history.at(period.to());
                if (balance != null) {
                    AccountView account = Objects.requireNonNull(accounts.get(id));
                    points.computeIfAbsent(account.currency(), c -> new Tally(period.to()))
                            .add(account.type(), balance);
                }
            });
            points.forEach((currency, point) -> byCurrency.computeIfAbsent(currency, c -> new ArrayList<>())
                    .add(point.point()));
        }
        return byCurrency.entrySet().stream().map(e -> new CurrencySeries(e.getKey(), e.getValue())).toList();
    }

    /**
     * Each account's history, from its stored balances (or, without any, its current balance) and its rows over the
     * days the balances from {@code from} to {@code to} need: back to the latest stored balance on or before
     * {@code from}, on to the latest stored one.
     */
    private Map<Long, BalanceHistory> histories(long userId, Map<Long, AccountView> accounts, LocalDate from,
            LocalDate to) {
        Map<Long, BalanceHistory> histories = new HashMap<>();
        accounts.values().forEach(account -> histories.put(account.id(),
                new BalanceHistory(AccountKind.of(account.type()) == AccountKind.INVESTMENT)));
        Set<Long> anchored = new HashSet<>();
        LocalDate first = from;
        LocalDate last = to;
        Map<Long, LocalDate> before = new HashMap<>();
        Map<Long, LocalDate> after = new HashMap<>();
        for (AnalyticsData.Balance balance : data.balances(userId, accounts.keySet())) {
            Objects.requireNonNull(histories.get(balance.accountId())).stored(balance.day(), balance.balance());
            anchored.add(balance.accountId());
            if (!balance.day().isAfter(from)) {
                before.put(balance.accountId(), balance.day());
            }
            if (!balance.day().isBefore(to)) {
                // the latest: an account's balances are reckoned back from it (see BalanceHistory)
                after.put(balance.accountId(), balance.day());
            }
        }
        // an account stored before balances were kept per day: its current balance anchors its history
        for (AccountView account : accounts.values()) {
            if (!anchored.contains(account.id()) && account.balance() != null) {
                LocalDate day = LocalDate.ofInstant(account.lastUpdate(), settings.zone());
                Objects.requireNonNull(histories.get(account.id())).stored(day, account.balance());
                (day.isAfter(from) ? after : before).put(account.id(), day);
            }
        }
        for (LocalDate day : before.values()) {
            first = day.isBefore(first) ? day : first;
        }
        for (LocalDate day : after.values()) {
            last = day.isAfter(last) ? day : last;
        }
        for (AnalyticsData.Flow flow : data.flows(userId, accounts.keySet(), first, last)) {
            Objects.requireNonNull(histories.get(flow.accountId())).flow(flow.day(), flow.flow());
        }
        return histories;
    }

    /** One currency's series. */
    public record CurrencySeries(String currency, List<Point> series) {
    }

    /**
     * Net worth in one currency at the end of a day.
     *
     * @param byType the sum of balances per account type (loans as negative remaining capital)
     */
    public record Point(LocalDate date, BigDecimal assets, BigDecimal liabilities, BigDecimal netWorth,
            Map<String, BigDecimal> byType) {
    }

    /** Adds up one currency's account balances at the end of a day. */
    private static final class Tally {

        private final LocalDate date;

        private BigDecimal assets = BigDecimal.ZERO;

        private BigDecimal liabilities = BigDecimal.ZERO;

        private final Map<String, BigDecimal> byType = new TreeMap<>();

        Tally(LocalDate date) {
            this.date = date;
        }

        void add(@Nullable String type, BigDecimal balance) {
            BigDecimal signed = AccountKind.of(type) == AccountKind.LOAN ? balance.abs().negate() : balance;
            if (signed.signum() >= 0) {
                assets = assets.add(signed);
            } else {
                liabilities = liabilities.subtract(signed);
            }
            byType.merge(type == null ? "unknown" : type, signed, BigDecimal::add);
        }

        Point point() {
            Map<String, BigDecimal> types = new TreeMap<>();
            byType.forEach((type, sum) -> types.put(type, Cents.of(sum)));
            return new Point(date, Cents.of(assets), Cents.of(liabilities), Cents.of(assets.subtract(liabilities)),
                    types);
        }
    }
}
