package com.firesync.sandbox.world;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

/**
 * The household behind a Demo Bank connection, drawn from (seed, connection) alone: what it earns, how it is housed,
 * what it puts aside each month. Amounts that grow (salary, rent, spending) grow once a year, in January, counted from
 * the first year of the connection's history.
 *
 * @param firstDay the first day of the connection's history
 * @param employer who pays the salary
 * @param salaryCents monthly net salary in the first year
 * @param raisePermille yearly raise, in thousandths
 * @param bonusMonth the month a yearly bonus is paid with the salary
 * @param bonusPercent the bonus as a share of the monthly salary
 * @param rentCents monthly rent in the first year, 0 for a household repaying a mortgage
 * @param mortgage the mortgage, or null for a tenant
 * @param livretInitialCents the Livret A's balance on the first day
 * @param livretDepositCents the monthly transfer to the Livret A (stopped at its cap)
 * @param investment {@link AccountKind#PEA} or {@link AccountKind#MARKET}
 * @param investmentInitialCents the investment account's valuation on the first day
 * @param investmentDepositCents the monthly transfer to the investment account
 * @param checkingInitialCents the checking account's balance on the first day
 * @param energyCents the average monthly electricity and gas bill
 * @param insuranceCents the monthly home insurance
 */
public record Household(LocalDate firstDay, String employer, long salaryCents, int raisePermille, Month bonusMonth,
        int bonusPercent, long rentCents, @Nullable Mortgage mortgage, long livretInitialCents,
        long livretDepositCents, AccountKind investment, long investmentInitialCents, long investmentDepositCents,
        long checkingInitialCents, long energyCents, long insuranceCents) {

    /** The Livret A's legal cap on deposits, in cents. */
    public static final long LIVRET_A_CAP_CENTS = 2_295_000;

    /** Internet and mobile, every month. */
    static final long TELECOM_CENTS = 3_998;

    /** A monthly Navigo pass. */
    static final long TRANSIT_PASS_CENTS = 8_880;

    /** Yearly growth of everyday spending and rent, in thousandths. */
    static final int INFLATION_PERMILLE = 20;

    private static final String[] EMPLOYERS = {"ACME SAS", "NEXTEO CONSEIL", "HOPITAL SAINT-LOUIS",
            "DUPONT ET FILS", "MAIRIE DE LYON", "LOGISTIQUE DU RHONE"};

    private static final long STREAM = 0x484F_5553L;

    static Household of(long seed, long connectionId, LocalDate firstDay) {
        var random = new SplittableRandom(Seeds.mix(seed, STREAM, connectionId));
        long salary = 260_000 + random.nextLong(180_000);
        long housing = salary * (25 + random.nextInt(9)) / 100;
        boolean owner = random.nextInt(10) < 6;
        Mortgage mortgage = owner ? mortgage(housing, firstDay, random) : null;
        long livretDeposit = salary * (4 + random.nextInt(7)) / 100 / 1_000 * 1_000;
        long investmentDeposit = salary * (4 + random.nextInt(7)) / 100 / 1_000 * 1_000;
        return new Household(firstDay, EMPLOYERS[random.nextInt(EMPLOYERS.length)], salary, 10 + random.nextInt(31),
                Month.of(1 + random.nextInt(12)), 50 + random.nextInt(71), owner ? 0 : housing, mortgage,
                200_000 + random.nextLong(1_600_000), livretDeposit,
                random.nextBoolean() ? AccountKind.PEA : AccountKind.MARKET, 300_000 + random.nextLong(3_700_000),
                investmentDeposit, 100_000 + random.nextLong(400_000), 6_000 + random.nextLong(6_000),
                1_500 + random.nextLong(1_800));
    }

    private static Mortgage mortgage(long paymentCents, LocalDate firstDay, SplittableRandom random) {
        int rate = 100 + random.nextInt(280);
        int months = random.nextBoolean() ? 240 : 300;
        double i = rate / 10_000.0 / 12;
        long principal = Math.round(paymentCents * (1 - Math.pow(1 + i, -months)) / i / 100_000) * 100_000;
        return new Mortgage(principal, rate, months, YearMonth.from(firstDay).minusMonths(12 + random.nextInt(48)));
    }

    /** The accounts of the household, in account order. */
    public List<AccountKind> kinds() {
        List<AccountKind> kinds = new ArrayList<>(List.of(AccountKind.CHECKING, AccountKind.SAVINGS,
                AccountKind.CARD, investment));
        if (mortgage != null) {
            kinds.add(AccountKind.LOAN);
        }
        return kinds;
    }

    /** The monthly net salary paid in {@code month}. */
    public long salaryIn(YearMonth month) {
        return grown(salaryCents, raisePermille, month);
    }

    /** The bonus paid in {@code month}: 0 except in the bonus month. */
    public long bonusIn(YearMonth month) {
        return month.getMonth() == bonusMonth ? salaryIn(month) * bonusPercent / 100 : 0;
    }

    public long rentIn(YearMonth month) {
        return grown(rentCents, INFLATION_PERMILLE, month);
    }

    /**
     * What the household spends in a month on everyday things (groceries, transport, leisure), before the season: what
     * the first year's salary leaves after housing, bills and savings, less a margin, growing with prices.
     */
    long everydayBudgetIn(YearMonth month) {
        long housing = mortgage == null ? rentCents : mortgage.paymentCents();
        long fixed = housing + energyCents + TELECOM_CENTS + TRANSIT_PASS_CENTS + insuranceCents + livretDepositCents
                + investmentDepositCents;
        return grown(Math.max(30_000, (salaryCents - fixed) * 85 / 100), INFLATION_PERMILLE, month);
    }

    /** The initial balance of an account of this household. */
    long initialCents(AccountKind kind) {
        return switch (kind) {
            case CHECKING -> checkingInitialCents;
            case SAVINGS -> livretInitialCents;
            case PEA, MARKET -> investmentInitialCents;
            case LOAN -> mortgage == null ? 0 : -mortgage.remainingAfter(mortgage.paymentsBefore(firstDay));
            case CARD -> 0;
        };
    }

    private long grown(long cents, int permille, YearMonth month) {
        int years = Math.max(0, month.getYear() - firstDay.getYear());
        return Math.round(cents * Math.pow(1 + permille / 1_000.0, years));
    }
}
