package com.firesync.sandbox.json;

import com.firesync.sandbox.world.AccountKind;
import com.firesync.sandbox.world.Bank;
import com.firesync.sandbox.world.Category;
import com.firesync.sandbox.world.Clocks;
import com.firesync.sandbox.world.Counterparty;
import com.firesync.sandbox.world.LedgerAccount;
import com.firesync.sandbox.world.LedgerTransaction;
import com.firesync.sandbox.world.LoanDetails;
import com.firesync.sandbox.world.Mortgage;
import com.firesync.sandbox.world.SandboxConnection;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Maps the bank world to Powens JSON: naive Paris timestamps, dates as {@code YYYY-MM-DD}, amounts with two
 * decimals.
 */
public final class PowensJson {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Duration refreshInterval;

    public PowensJson(Duration refreshInterval) {
        this.refreshInterval = refreshInterval;
    }

    /** A Powens naive timestamp: Paris wall-clock time. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant.atZone(Clocks.PARIS));
    }

    private static @Nullable String timestampOrNull(@Nullable Instant instant) {
        return instant == null ? null : timestamp(instant);
    }

    public static BigDecimal amount(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    public TransactionJson transaction(LedgerTransaction row) {
        BigDecimal value = amount(row.valueCents());
        return new TransactionJson(row.id(), row.accountId(), row.date().toString(), row.rdate().toString(),
                row.date().toString(), row.applicationDate().toString(), null, value, value, row.type(),
                row.originalWording(), row.simplifiedWording(), row.wording(), row.coming(), true,
                timestamp(row.dateScraped()), timestamp(row.lastUpdate()), timestampOrNull(row.deleted()), null,
                counterparty(row.counterparty()), List.of(),
                row.original() == null ? null : amount(row.original().cents()),
                row.original() == null ? null : Currency.of(row.original().currency()), row.categoryId());
    }

    private static @Nullable CounterpartyJson counterparty(@Nullable Counterparty counterparty) {
        if (counterparty == null) {
            return null;
        }
        String iban = counterparty.iban();
        return new CounterpartyJson(counterparty.label(), iban == null ? null : "iban", iban, counterparty.type());
    }

    private static @Nullable LoanJson loan(@Nullable LoanDetails loan) {
        if (loan == null) {
            return null;
        }
        Mortgage mortgage = loan.mortgage();
        BigDecimal total = amount(mortgage.principalCents());
        int done = loan.paymentsDone();
        return new LoanJson(total, BigDecimal.ZERO.setScale(2), total, mortgage.subscriptionDate().toString(),
                mortgage.paymentDay(mortgage.months()).toString(),
                done < mortgage.months() ? amount(mortgage.paymentCents()) : null, dateOrNull(loan.nextPaymentDate()),
                mortgage.rateBasisPoints() / 100.0, mortgage.months() - done, done, mortgage.months(),
                done > 0 ? amount(mortgage.capitalCents(done) + mortgage.interestCents(done)) : null,
                dateOrNull(loan.lastPaymentDate()), AccountKind.CHECKING.label(), null, mortgage.months(),
                "mortgage");
    }

    private static @Nullable String dateOrNull(@Nullable LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** A category as {@code GET /categories} lists it. */
    public static CategoryJson category(Category category) {
        return new CategoryJson(category.id(), category.parentId(), category.displayName(), category.color(),
                category.income(), false, null);
    }

    public AccountJson account(LedgerAccount account) {
        String name = account.kind().label();
        return new AccountJson(account.id(), account.connectionId(), account.userId(), account.connectionId(), null,
                account.number(), account.iban(), "SBXBFRPPXXX", name, name.toUpperCase(Locale.ROOT),
                amount(account.balanceCents()), amount(account.comingCents()), Currency.EUR, account.kind().type(),
                account.kind().typeId(), "PRIV", true, false, timestamp(account.lastUpdate()), null, null, null,
                account.openingDate().toString(), loan(account.loan()));
    }

    /**
     * @param accounts the {@code accounts} expand, if asked for
     * @param allAccounts the {@code all_accounts} expand, if asked for
     */
    public ConnectionJson connection(SandboxConnection connection, boolean withConnector,
            @Nullable List<AccountJson> accounts, @Nullable List<AccountJson> allAccounts) {
        String state = connection.state();
        Instant lastRefresh = connection.lastRefresh();
        return new ConnectionJson(connection.id(), connection.userId(), connection.bank().connectorId(),
                connection.bank().uuid(), state, state, state == null ? null : "Please confirm your identity.",
                timestamp(lastRefresh), timestamp(connection.created()), true, null,
                timestamp(connection.consentUntil()),
                refreshInterval.isZero() ? null : timestamp(lastRefresh.plus(refreshInterval)),
                withConnector ? Optional.of(connector(connection.bank())) : Optional.empty(),
                Optional.ofNullable(accounts), Optional.ofNullable(allAccounts));
    }

    public static ConnectorJson connector(Bank bank) {
        return new ConnectorJson(bank.connectorId(), bank.uuid(), bank.displayName(), false, false, false, "0f6c8c",
                List.of("bank"), "credentials", false);
    }
}
