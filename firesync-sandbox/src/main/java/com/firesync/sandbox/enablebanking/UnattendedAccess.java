package com.firesync.sandbox.enablebanking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The banks' limit on reads without the user (PSD2 RTS art. 36(5)): per account uid, per UTC day of the sandbox clock
 * and per kind of call, at most {@code limit} calls without the PSU headers of a present user; the next ones are
 * refused with 429 {@code ASPSP_RATE_LIMIT_EXCEEDED} until the next day. Calls with the headers are served and counted
 * apart, never refused. Refusals are not counted as calls.
 */
final class UnattendedAccess {

    /** The kinds of account call the limit counts separately. */
    enum Kind {
        DETAILS, BALANCES, TRANSACTIONS
    }

    /** One line of the stats: an account's calls of one kind on one day. */
    record Usage(String account, LocalDate day, Kind kind, long unattended, long present, long refused) {
    }

    private record Key(String account, LocalDate day, Kind kind) {
    }

    private record Counters(AtomicLong unattended, AtomicLong present, AtomicLong refused) {

        Counters() {
            this(new AtomicLong(), new AtomicLong(), new AtomicLong());
        }
    }

    private final ConcurrentMap<Key, Counters> counters = new ConcurrentHashMap<>();

    private final int limit;

    private final Clock clock;

    UnattendedAccess(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Counts a call, or refuses it when it is unattended and the day's budget of its kind is spent. */
    void count(String account, Kind kind, boolean present) {
        Counters day = counters.computeIfAbsent(
                new Key(account, clock.instant().atZone(ZoneOffset.UTC).toLocalDate(), kind),
                key -> new Counters());
        if (present) {
            day.present().incrementAndGet();
            return;
        }
        synchronized (day) {
            if (day.unattended().get() >= limit) {
                day.refused().incrementAndGet();
                throw new EnableBankingError(429, "ASPSP_RATE_LIMIT_EXCEEDED", "ASPSP rate limit exceeded",
                        "Daily PSU not present consultation limit has been exceeded");
            }
            day.unattended().incrementAndGet();
        }
    }

    int limit() {
        return limit;
    }

    List<Usage> usage() {
        return counters.entrySet().stream()
                .map(UnattendedAccess::usage)
                .sorted(Comparator.comparing(Usage::day).thenComparing(Usage::account).thenComparing(Usage::kind))
                .toList();
    }

    long refusals() {
        return counters.values().stream().mapToLong(counter -> counter.refused().get()).sum();
    }

    private static Usage usage(Map.Entry<Key, Counters> entry) {
        Key key = entry.getKey();
        Counters counted = entry.getValue();
        return new Usage(key.account(), key.day(), key.kind(), counted.unattended().get(), counted.present().get(),
                counted.refused().get());
    }
}
