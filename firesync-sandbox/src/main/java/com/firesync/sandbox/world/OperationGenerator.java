package com.firesync.sandbox.world;

import com.firesync.sandbox.world.Operation.Variant;
import com.firesync.sandbox.world.Operation.Wording;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Generates the operations of one account on one day from a random stream seeded by (seed, account, day) alone.
 */
final class OperationGenerator {

    private static final String[] MERCHANTS = {"CARREFOUR", "MONOPRIX", "SNCF", "RATP", "AMAZON EU", "FNAC",
            "BOULANGERIE PAUL", "TOTALENERGIES", "DECATHLON", "PICARD", "UBER", "FREE MOBILE", "EDF", "LECLERC",
            "IKEA", "CINEMA UGC"};

    private static final Place[] PLACES = {new Place("STARBUCKS NEW YORK", "USD", 1.08),
            new Place("WHOLE FOODS BOSTON", "USD", 1.08), new Place("PRET A MANGER LONDON", "GBP", 0.85),
            new Place("TFL TRAVEL LONDON", "GBP", 0.85), new Place("COOP ZURICH", "CHF", 0.95),
            new Place("SBB CFF GENEVE", "CHF", 0.95)};

    /** About one card payment in this many is made abroad. */
    private static final int ABROAD_ONE_IN = 12;

    /** Keeps the foreign-payment stream apart from the operation's own. */
    private static final long ABROAD_SALT = 0x4F52_4947L;

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");

    private final long seed;

    private final int perDay;

    OperationGenerator(long seed, int perDay) {
        this.seed = seed;
        this.perDay = perDay;
    }

    List<Operation> day(long accountId, AccountKind kind, LocalDate day, boolean churn) {
        var random = new SplittableRandom(Seeds.mix(seed, accountId, day.toEpochDay()));
        int base = churn ? perDay * 2 : perDay;
        int count = Math.max(1, base - 1 + random.nextInt(3));
        List<Operation> operations = new ArrayList<>(count);
        for (int seq = 0; seq < count; seq++) {
            operations.add(operation(accountId, kind, day, seq, random, churn));
        }
        return operations;
    }

    /** The opening balance of an account at the start of its history, in cents. */
    long initialCents(long accountId) {
        return 50_000 + new SplittableRandom(Seeds.mix(seed, accountId)).nextLong(450_000);
    }

    private Operation operation(long accountId, AccountKind kind, LocalDate day, int seq, SplittableRandom random,
            boolean churn) {
        long id = accountId * 10_000_000L + day.toEpochDay() * 100 + seq;
        Instant made = Clocks.paris(day, LocalTime.of(7, 0)).plusSeconds(random.nextInt(15 * 3600));
        Variant variant = variant(random.nextDouble(), churn);
        long firstCents = amount(kind, random);
        String type = type(kind, firstCents);
        boolean card = type.endsWith("card");
        // a card payment books one to four days after it is made; pending operations settle (book, are replaced or
        // released) early on one of the next three mornings; nothing books on a Sunday
        int lag = card ? 1 + random.nextInt(4) : variant == Variant.BOOKED ? 0 : 1 + random.nextInt(3);
        LocalDate bookDay = Clocks.bookingDay(day.plusDays(lag));
        Instant settles = Clocks.paris(bookDay, LocalTime.of(5, 0)).plusSeconds(random.nextInt(2 * 3600));
        // booked from the start, it appears when it books (a card payment days after it was made); pending, the day
        // it is made
        Instant seen = variant == Variant.BOOKED && settles.isAfter(made) ? settles : made;
        boolean changes = variant != Variant.BOOKED && random.nextDouble() < (churn ? 0.8 : 0.3);
        // changes come within six hours, so always before the earliest settlement at 05:00 the next day
        Instant changedAt = changes ? seen.plus(Duration.ofMinutes(30 + random.nextInt(330))) : null;
        Instant deletedAt = deletedAt(variant, settles, random, churn);
        Instant bookedAt = variant == Variant.PENDING_SAME_ID || variant == Variant.PENDING_NEW_ID ? settles : null;
        String merchant = MERCHANTS[random.nextInt(MERCHANTS.length)];
        long finalCents = changes ? firstCents + firstCents * (random.nextInt(41) - 20) / 100 : firstCents;
        Abroad abroad = abroad(id, type, finalCents);
        merchant = abroad == null ? merchant : abroad.merchant();
        Wording booked = new Wording("CB " + merchant + " " + DAY_MONTH.format(day), title(merchant));
        Wording first = changes && random.nextBoolean() ? new Wording("PRE-AUTH " + merchant, title(merchant)) : booked;
        return new Operation(id, accountId, day, bookDay, variant, seen, changedAt, bookedAt, deletedAt, firstCents,
                finalCents, type, first, booked,
                abroad == null ? null : abroad.original(), Operation.Meta.NONE);
    }

    /**
     * Whether a card payment was made abroad, where, and what it cost there: about one in {@value #ABROAD_ONE_IN}, at
     * the currency's rate give or take 2 %. Drawn from a stream of its own (seeded by the operation id), so that the
     * rest of the world stays what it was without foreign payments.
     */
    @Nullable
    Abroad abroad(long operationId, String type, long euroCents) {
        if (!type.equals("card") && !type.equals("deferred_card")) {
            return null;
        }
        var random = new SplittableRandom(Seeds.mix(seed, operationId, ABROAD_SALT));
        if (random.nextInt(ABROAD_ONE_IN) != 0) {
            return null;
        }
        Place place = PLACES[random.nextInt(PLACES.length)];
        double rate = place.perEuro() * (1 + (random.nextInt(41) - 20) / 1000.0);
        return new Abroad(place.merchant(), new OriginalAmount(place.currency(), Math.round(euroCents * rate)));
    }

    /** A merchant abroad, its currency, and that currency's units for one euro. */
    private record Place(String merchant, String currency, double perEuro) {
    }

    /** A payment made abroad: the merchant, and the amount charged in its currency. */
    record Abroad(String merchant, OriginalAmount original) {
    }

    private static @Nullable Instant deletedAt(Variant variant, Instant settles, SplittableRandom random,
            boolean churn) {
        return switch (variant) {
            case PENDING_DROPPED -> settles;
            case BOOKED -> random.nextDouble() < (churn ? 0.1 : 0.02) ? settles.plus(Duration.ofDays(2)) : null;
            default -> null;
        };
    }

    static Variant variant(double draw, boolean churn) {
        double booked = churn ? 0.1 : 0.6;
        double sameId = churn ? 0.4 : 0.8;
        double newId = churn ? 0.75 : 0.95;
        return draw < booked
                ? Variant.BOOKED
                : draw < sameId
                        ? Variant.PENDING_SAME_ID
                        : draw < newId
                                ? Variant.PENDING_NEW_ID
                                : Variant.PENDING_DROPPED;
    }

    private static long amount(AccountKind kind, SplittableRandom random) {
        return switch (kind) {
            case CHECKING ->
                random.nextInt(10) == 0 ? 2_000 + random.nextLong(250_000) : -(200 + random.nextLong(15_000));
            case SAVINGS -> random.nextBoolean() ? 1_000 + random.nextLong(50_000) : -(1_000 + random.nextLong(40_000));
            case CARD, PEA, MARKET, LOAN -> -(200 + random.nextLong(20_000));
        };
    }

    private static String type(AccountKind kind, long cents) {
        return switch (kind) {
            case CHECKING -> cents > 0 ? "deposit" : "card";
            case SAVINGS -> "transfer";
            case CARD, PEA, MARKET, LOAN -> "deferred_card";
        };
    }

    static String title(String merchant) {
        return merchant.charAt(0) + merchant.substring(1).toLowerCase(Locale.ROOT);
    }
}
