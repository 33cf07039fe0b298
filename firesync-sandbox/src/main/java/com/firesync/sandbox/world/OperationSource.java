package com.firesync.sandbox.world;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Where each account's operations come from: the Test Bank's generator, or the Demo Bank's {@link Household} (its
 * everyday {@link Spending} and its {@link HouseholdPlan}). Both are pure functions of (seed, connection, account,
 * day): nothing is held between calls.
 */
final class OperationSource {

    private final WorldSettings settings;

    private final OperationGenerator generator;

    private final Spending spending;

    OperationSource(WorldSettings settings) {
        this.settings = settings;
        this.generator = new OperationGenerator(settings.seed(), settings.transactionsPerDay());
        this.spending = new Spending(settings.seed(), settings.transactionsPerDay(), generator);
    }

    /** The first day of the history of a connection made at {@code created}. */
    LocalDate firstDay(Instant created) {
        return Clocks.parisDate(created.minus(settings.history()));
    }

    /** The accounts a new connection holds: the household's (at most the setting) at the Demo Bank. */
    int accountCount(Bank bank, long connectionId, Instant created) {
        if (bank != Bank.DEMO) {
            return settings.accountsPerConnection();
        }
        int household = Household.of(settings.seed(), connectionId, firstDay(created)).kinds().size();
        return Math.min(settings.accountsPerConnection(), household);
    }

    Household household(SandboxConnection connection) {
        return Household.of(settings.seed(), connection.id(), firstDay(connection.created()));
    }

    AccountKind kind(SandboxConnection connection, long accountId) {
        int index = (int) (accountId % 10) - 1;
        return connection.bank() == Bank.DEMO
                ? household(connection).kinds().get(index)
                : AccountKind.ofIndex(index);
    }

    long initialCents(SandboxConnection connection, long accountId) {
        return connection.bank() == Bank.DEMO
                ? household(connection).initialCents(kind(connection, accountId))
                : generator.initialCents(accountId);
    }

    /** The operations of one account, day by day. */
    Function<LocalDate, List<Operation>> account(SandboxConnection connection, long accountId) {
        AccountKind kind = kind(connection, accountId);
        if (connection.bank() != Bank.DEMO) {
            boolean churn = connection.scenario().is(Scenario.Kind.CHURN);
            return day -> generator.day(accountId, kind, day, churn);
        }
        Household household = household(connection);
        var plan = new HouseholdPlan(settings.seed(), connection, household, spending);
        boolean spends = kind == AccountKind.CHECKING || kind == AccountKind.CARD;
        return day -> {
            List<Operation> operations = new ArrayList<>(
                    spends ? spending.day(household, accountId, kind, day) : List.of());
            operations.addAll(plan.day(accountId, day));
            return operations;
        };
    }
}
