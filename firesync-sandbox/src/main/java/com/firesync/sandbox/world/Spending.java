package com.firesync.sandbox.world;

import com.firesync.sandbox.world.Operation.Meta;
import com.firesync.sandbox.world.Operation.Variant;
import com.firesync.sandbox.world.Operation.Wording;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

/**
 * A household's everyday payments, drawn per account and day from a random stream seeded by (seed, account, day):
 * groceries, bakery, pharmacy and cash on the checking account's debit card; restaurants, transport, leisure and
 * travel on the deferred-debit card. The month's budget follows the season (December and the summer holidays cost
 * more, travel is likelier then) and is spread over the expected number of payments, so the volume knob changes how
 * many payments there are, not what the household spends (sequence numbers stay under 32, and their replacements
 * under 82). Their life (pending, booked, replaced, released, foreign
 * currency) is the same as the Test Bank's; only checking rows may be withdrawn or corrected by the bank.
 */
final class Spending {

    private static final Merchant[] DAILY = {new Merchant("CARREFOUR", Category.GROCERIES, 1.6),
            new Merchant("MONOPRIX", Category.GROCERIES, 1.1), new Merchant("E.LECLERC", Category.GROCERIES, 2.2),
            new Merchant("PICARD", Category.GROCERIES, 0.9), new Merchant("FRANPRIX", Category.GROCERIES, 0.7),
            new Merchant("BOULANGERIE PAUL", Category.BAKERY, 0.2),
            new Merchant("PHARMACIE DU CENTRE", Category.PHARMACY, 0.5),
            new Merchant("RETRAIT DAB", Category.WITHDRAWAL, 1.2)};

    private static final Merchant[] OUTINGS = {new Merchant("LE PETIT ZINC", Category.RESTAURANTS, 1.3),
            new Merchant("UBER EATS", Category.RESTAURANTS, 0.8), new Merchant("SNCF", Category.TRAIN, 1.8),
            new Merchant("RATP", Category.PUBLIC_TRANSPORT, 0.2), new Merchant("TOTALENERGIES", Category.FUEL, 1.5),
            new Merchant("CINEMA UGC", Category.OUTINGS, 0.5), new Merchant("DECATHLON", Category.SPORT, 1.2),
            new Merchant("AMAZON EU", Category.SHOPPING, 1.0), new Merchant("FNAC", Category.SHOPPING, 1.2)};

    private static final Merchant[] TRAVEL = {new Merchant("AIRBNB", Category.TRAVEL, 4.0),
            new Merchant("HOTEL IBIS", Category.TRAVEL, 2.5), new Merchant("AIR FRANCE", Category.TRAVEL, 5.0)};

    /** Spending by month, January first: the holidays cost more. */
    private static final double[] SEASON = {0.85, 0.9, 0.95, 1.0, 1.0, 1.05, 1.25, 1.3, 0.95, 0.95, 1.0, 1.4};

    private static final double SEASON_MEAN = 1.05;

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");

    private final long seed;

    private final int perDay;

    private final OperationGenerator generator;

    Spending(long seed, int perDay, OperationGenerator generator) {
        this.seed = seed;
        this.perDay = perDay;
        this.generator = generator;
    }

    /** A place to spend, and how big its tickets are next to the average one. */
    private record Merchant(String name, Category category, double weight) {
    }

    List<Operation> day(Household household, long accountId, AccountKind kind, LocalDate day) {
        var random = new SplittableRandom(Seeds.mix(seed, accountId, day.toEpochDay()));
        int count = Math.max(1, base() - 1 + random.nextInt(3));
        double share = kind == AccountKind.CARD ? 0.55 : 0.45;
        double mean = household.everydayBudgetIn(YearMonth.from(day)) * share * season(day)
                / (day.lengthOfMonth() * expectedCount());
        List<Operation> operations = new ArrayList<>(count);
        for (int seq = 0; seq < count; seq++) {
            operations.add(operation(accountId, kind, day, seq, mean, random));
        }
        return operations;
    }

    /**
     * Payments a day on each of the two spending accounts: one and a half times the knob, so that a Demo Bank
     * connection books about as many rows as a Test Bank one with three accounts.
     */
    private int base() {
        return perDay + perDay / 2;
    }

    private double expectedCount() {
        return base() == 1 ? 4 / 3.0 : base();
    }

    private static double season(LocalDate day) {
        return SEASON[day.getMonthValue() - 1] / SEASON_MEAN;
    }

    private Operation operation(long accountId, AccountKind kind, LocalDate day, int seq, double mean,
            SplittableRandom random) {
        long id = accountId * 10_000_000L + day.toEpochDay() * 100 + seq;
        Instant made = Clocks.paris(day, LocalTime.of(7, 0)).plusSeconds(random.nextInt(15 * 3600));
        Variant variant = OperationGenerator.variant(random.nextDouble(), false);
        Merchant merchant = merchant(kind, day, random);
        long firstCents = -Math.max(100, Math.round(mean * merchant.weight() * (0.4 + 1.2 * random.nextDouble())));
        boolean cash = merchant.category() == Category.WITHDRAWAL;
        String type = cash ? "withdrawal" : kind == AccountKind.CARD ? "deferred_card" : "card";
        int lag = !cash ? 1 + random.nextInt(4) : variant == Variant.BOOKED ? 0 : 1 + random.nextInt(3);
        LocalDate bookDay = Clocks.bookingDay(day.plusDays(lag));
        Instant settles = Clocks.paris(bookDay, LocalTime.of(5, 0)).plusSeconds(random.nextInt(2 * 3600));
        Instant seen = variant == Variant.BOOKED && settles.isAfter(made) ? settles : made;
        boolean changes = variant != Variant.BOOKED && random.nextDouble() < 0.3;
        Instant changedAt = changes ? seen.plus(Duration.ofMinutes(30 + random.nextInt(330))) : null;
        Instant deletedAt = deletedAt(kind, variant, settles, random);
        Instant bookedAt = variant == Variant.PENDING_SAME_ID || variant == Variant.PENDING_NEW_ID ? settles : null;
        long finalCents = changes ? firstCents + firstCents * (random.nextInt(41) - 20) / 100 : firstCents;
        OperationGenerator.Abroad abroad = generator.abroad(id, type, finalCents);
        String name = abroad == null ? merchant.name() : abroad.merchant();
        String prefix = cash ? "" : "CB ";
        Wording booked = new Wording(prefix + name + " " + DAY_MONTH.format(day), OperationGenerator.title(name));
        Wording first = changes && random.nextBoolean() ? new Wording("PRE-AUTH " + name, booked.simplified()) : booked;
        return new Operation(id, accountId, day, bookDay, variant, seen, changedAt, bookedAt, deletedAt, firstCents,
                finalCents, type, first, booked, abroad == null ? null : abroad.original(),
                new Meta(merchant.category().id(), null, null, kind == AccountKind.CHECKING));
    }

    /** Released authorisations vanish when they settle; a few booked checking rows are withdrawn two days later. */
    private static @Nullable Instant deletedAt(AccountKind kind, Variant variant, Instant settles,
            SplittableRandom random) {
        if (variant == Variant.PENDING_DROPPED) {
            return settles;
        }
        boolean withdrawn = kind == AccountKind.CHECKING && variant == Variant.BOOKED && random.nextDouble() < 0.02;
        return withdrawn ? settles.plus(Duration.ofDays(2)) : null;
    }

    private static Merchant merchant(AccountKind kind, LocalDate day, SplittableRandom random) {
        if (kind != AccountKind.CARD) {
            return DAILY[random.nextInt(DAILY.length)];
        }
        int month = day.getMonthValue();
        int travelPercent = month == 7 || month == 8 ? 20 : month == 12 ? 10 : 3;
        return random.nextInt(100) < travelPercent
                ? TRAVEL[random.nextInt(TRAVEL.length)]
                : OUTINGS[random.nextInt(OUTINGS.length)];
    }

    /**
     * What the deferred-debit card's purchases booked in {@code month} finally come to (released and replaced rows
     * counted once, at their final amount), from {@code firstDay} on: the amount settled from the checking account
     * at the month's end.
     */
    long cardMonthCents(Household household, long cardId, YearMonth month) {
        long total = 0;
        LocalDate from = month.atDay(1).minusDays(7);
        LocalDate start = from.isBefore(household.firstDay()) ? household.firstDay() : from;
        for (LocalDate day = start; !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            for (Operation operation : day(household, cardId, AccountKind.CARD, day)) {
                if (operation.variant() != Variant.PENDING_DROPPED && YearMonth.from(operation.bookDay()).equals(month)
                        && operation.deletedAt() == null) {
                    total += operation.finalCents();
                }
            }
        }
        return total;
    }
}
