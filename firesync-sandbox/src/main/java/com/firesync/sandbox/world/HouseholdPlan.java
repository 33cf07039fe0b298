package com.firesync.sandbox.world;

import com.firesync.sandbox.world.Operation.Meta;
import com.firesync.sandbox.world.Operation.Variant;
import com.firesync.sandbox.world.Operation.Wording;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The planned operations of a Demo Bank household on one account and day: salary and bonus, rent or the mortgage's
 * payment, bills, the transfers to the Livret A and the investment account, the Livret A's interest, the portfolio's
 * weekly valuation move and the deferred-debit card's month-end settlement. They are booked from the start, at fixed
 * sequence numbers from {@value #FIRST_SEQ} to 99 (everyday payments and the rows replacing them use the lower ones). A movement between two accounts of
 * the connection is two rows with opposite amounts sharing a transfer key, each naming the other account as its
 * counterparty; it exists only when both accounts do.
 */
final class HouseholdPlan {

    static final int FIRST_SEQ = 84;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    /** Electricity and gas by month, January first. */
    private static final double[] HEATING = {1.6, 1.5, 1.3, 1.0, 0.8, 0.6, 0.55, 0.55, 0.7, 0.9, 1.2, 1.5};

    private final long seed;

    private final SandboxConnection connection;

    private final Household household;

    private final Spending spending;

    private final List<Long> accountIds;

    private final List<AccountKind> kinds;

    HouseholdPlan(long seed, SandboxConnection connection, Household household, Spending spending) {
        this.seed = seed;
        this.connection = connection;
        this.household = household;
        this.spending = spending;
        this.accountIds = connection.accountIds();
        this.kinds = household.kinds();
    }

    /** The account of that kind in this connection, or 0 when the connection holds fewer accounts. */
    long idOf(AccountKind kind) {
        int index = kinds.indexOf(kind);
        return index < 0 || index >= accountIds.size() ? 0 : accountIds.get(index);
    }

    /** The planned rows of {@code accountId} on {@code day}. */
    List<Operation> day(long accountId, LocalDate day) {
        List<Operation> out = new ArrayList<>();
        long checking = idOf(AccountKind.CHECKING);
        if (accountId == checking) {
            checking(checking, day, out);
        }
        if (accountId == idOf(AccountKind.SAVINGS)) {
            savings(accountId, day, out);
        }
        if (accountId == idOf(household.investment())) {
            investment(accountId, day, out);
        }
        if (accountId == idOf(AccountKind.CARD) && day.equals(YearMonth.from(day).atEndOfMonth())) {
            cardSettlement(day, out);
        }
        if (accountId == idOf(AccountKind.LOAN)) {
            loanCapital(day, out);
        }
        return out.stream().filter(operation -> operation.accountId() == accountId).toList();
    }

    private void checking(long id, LocalDate day, List<Operation> out) {
        YearMonth month = YearMonth.from(day);
        String mm = MONTH.format(month);
        switch (day.getDayOfMonth()) {
            case 1 -> {
                if (household.rentCents() > 0) {
                    out.add(op(id, day, 0, -household.rentIn(month), "transfer", "VIR PERMANENT LOYER " + mm,
                            "Loyer", new Meta(Category.RENT.id(), null,
                                    Counterparty.creditor("SCI LES TILLEULS", FrenchIban.of("30004", "00823",
                                            "00010203040")),
                                    false)));
                }
                out.add(op(id, day, 1, -Household.TRANSIT_PASS_CENTS, "order", "PRLV SEPA COMUTITRES NAVIGO",
                        "Navigo", planned(Category.PUBLIC_TRANSPORT)));
            }
            case LivretA.DEPOSIT_DAY -> livretDeposit(day, out);
            case Portfolio.DEPOSIT_DAY -> investmentDeposit(day, out);
            case Mortgage.PAYMENT_DAY -> loanPayment(id, day, out);
            case 8 -> out.add(op(id, day, 8, -Math.round(household.energyCents() * HEATING[day.getMonthValue() - 1]),
                    "order", "PRLV SEPA EDF " + mm, "EDF", planned(Category.ENERGY)));
            case 12 -> out.add(op(id, day, 9, -Household.TELECOM_CENTS, "order", "PRLV SEPA FREE TELECOM " + mm,
                    "Free telecom", planned(Category.TELECOM)));
            case 15 -> out.add(op(id, day, 10, -household.insuranceCents(), "order", "PRLV SEPA MAIF HABITATION",
                    "Maif", planned(Category.INSURANCE)));
            case 28 -> salary(id, day, month, mm, out);
            default -> {
            }
        }
        if (day.equals(month.atEndOfMonth())) {
            cardSettlement(day, out);
        }
    }

    private void salary(long id, LocalDate day, YearMonth month, String mm, List<Operation> out) {
        Counterparty employer = Counterparty.debtor(household.employer(), null);
        out.add(op(id, day, 11, household.salaryIn(month), "transfer", "VIR SEPA " + household.employer()
                + " SALAIRE " + mm, "Salaire", new Meta(Category.SALARY.id(), null, employer, false)));
        if (household.bonusIn(month) > 0) {
            out.add(op(id, day, 12, household.bonusIn(month), "transfer", "VIR SEPA " + household.employer()
                    + " PRIME " + mm, "Prime", new Meta(Category.BONUS.id(), null, employer, false)));
        }
    }

    private void livretDeposit(LocalDate day, List<Operation> out) {
        long cents = LivretA.in(household, YearMonth.from(day)).depositCents();
        transfer(AccountKind.SAVINGS, day, 2, cents, "VIR LIVRET A", Category.SAVINGS_TRANSFER, out);
    }

    private void investmentDeposit(LocalDate day, List<Operation> out) {
        transfer(household.investment(), day, 3, household.investmentDepositCents(),
                "VIR " + household.investment().label().toUpperCase(Locale.ROOT),
                Category.INVESTMENT_TRANSFER, out);
    }

    private void cardSettlement(LocalDate day, List<Operation> out) {
        long card = idOf(AccountKind.CARD);
        long cents = card == 0 ? 0 : -spending.cardMonthCents(household, card, YearMonth.from(day));
        transfer(AccountKind.CARD, day, 13, cents, "RELEVE CARTE DIFFEREE " + MONTH.format(day),
                Category.CARD_SETTLEMENT, out);
    }

    private void loanPayment(long id, LocalDate day, List<Operation> out) {
        Mortgage mortgage = household.mortgage();
        int k = mortgage == null ? 0 : mortgage.paymentIn(YearMonth.from(day));
        if (mortgage == null || k == 0) {
            return;
        }
        if (idOf(AccountKind.LOAN) == 0) {
            out.add(op(id, day, 4, -mortgage.capitalCents(k), "loan_payment", "ECHEANCE PRET CAPITAL " + k,
                    "Capital prêt", planned(Category.LOAN_CAPITAL)));
        }
        loanCapital(day, out);
        out.add(op(id, day, 5, -mortgage.interestCents(k), "loan_payment", "ECHEANCE PRET INTERETS " + k,
                "Intérêts prêt", planned(Category.LOAN_INTEREST)));
    }

    /** The capital part of the month's payment, both legs: the checking account pays it, the loan falls by it. */
    private void loanCapital(LocalDate day, List<Operation> out) {
        Mortgage mortgage = household.mortgage();
        int k = mortgage == null ? 0 : mortgage.paymentIn(YearMonth.from(day));
        if (mortgage != null && k > 0 && day.getDayOfMonth() == Mortgage.PAYMENT_DAY) {
            transfer(AccountKind.LOAN, day, 4, mortgage.capitalCents(k), "ECHEANCE PRET CAPITAL " + k,
                    Category.LOAN_CAPITAL, out, "loan_payment");
        }
    }

    private void savings(long id, LocalDate day, List<Operation> out) {
        if (day.getDayOfMonth() == LivretA.DEPOSIT_DAY) {
            livretDeposit(day, out);
        }
        if (day.getMonth() == Month.DECEMBER && day.getDayOfMonth() == 31) {
            long interest = LivretA.in(household, YearMonth.from(day)).interestCents();
            if (interest > 0) {
                out.add(op(id, day, 14, interest, "deposit", "INTERETS LIVRET A " + day.getYear(),
                        "Intérêts", planned(Category.INTEREST)));
            }
        }
    }

    private void investment(long id, LocalDate day, List<Operation> out) {
        if (day.getDayOfMonth() == Portfolio.DEPOSIT_DAY) {
            investmentDeposit(day, out);
        }
        if (day.getDayOfWeek() == DayOfWeek.FRIDAY) {
            out.add(op(id, day, 15, Portfolio.moveOn(seed, id, household, day), "unknown",
                    "VALORISATION DU PORTEFEUILLE", "Valorisation", planned(Category.VALUATION)));
        }
    }

    /**
     * One leg, on the account asked for, of a movement of {@code cents} from the checking account to the account of
     * kind {@code to} (negative: the other way); nothing when either account is missing or the amount is 0.
     */
    private void transfer(AccountKind to, LocalDate day, int seq, long cents, String wording, Category category,
            List<Operation> out) {
        transfer(to, day, seq, cents, wording, category, out, category == Category.CARD_SETTLEMENT
                ? "summary_card"
                : "transfer");
    }

    private void transfer(AccountKind to, LocalDate day, int seq, long cents, String wording, Category category,
            List<Operation> out, String type) {
        long from = idOf(AccountKind.CHECKING);
        long target = idOf(to);
        if (from == 0 || target == 0 || cents == 0) {
            return;
        }
        String key = connection.id() + ":" + category.name().toLowerCase(Locale.ROOT) + ":" + day;
        String simplified = OperationGenerator.title(wording);
        out.add(op(from, day, seq, -cents, type, wording, simplified, new Meta(category.id(), key,
                Counterparty.creditor(to.label(), SandboxWorld.iban(target)), false)));
        out.add(op(target, day, seq, cents, type, wording, simplified, new Meta(category.id(), key,
                Counterparty.debtor(AccountKind.CHECKING.label(), SandboxWorld.iban(from)), false)));
    }

    /** A planned row, booked from the start on its day (or the Monday after a Sunday). */
    private static Operation op(long accountId, LocalDate day, int seq, long cents, String type, String original,
            String simplified, Meta meta) {
        long id = accountId * 10_000_000L + day.toEpochDay() * 100 + FIRST_SEQ + seq;
        LocalDate bookDay = Clocks.bookingDay(day);
        LocalTime time = meta.categoryId() != null && meta.categoryId() == Category.CARD_SETTLEMENT.id()
                ? LocalTime.of(22, 0)
                : LocalTime.of(6, seq);
        var seen = Clocks.paris(bookDay, time);
        Wording wording = new Wording(original, simplified);
        return new Operation(id, accountId, day, bookDay, Variant.BOOKED, seen, null, null, null, cents, cents, type,
                wording, wording, null, meta);
    }

    private static Meta planned(Category category) {
        return new Meta(category.id(), null, null, false);
    }
}
