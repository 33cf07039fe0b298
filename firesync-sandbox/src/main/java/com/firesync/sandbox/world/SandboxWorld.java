package com.firesync.sandbox.world;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox bank world. Users and connections are the only state; accounts and transactions are computed on demand
 * from (seed, ids, instant), so a test can ask for the exact expected ledger of any connection at any instant with
 * {@link #expectedLedger(long, Instant)}.
 */
public final class SandboxWorld {

    /** Newest first, then by id: the order of every transaction list. */
    public static final Comparator<LedgerTransaction> NEWEST_FIRST = Comparator
            .comparing(LedgerTransaction::date, Comparator.reverseOrder())
            .thenComparing(LedgerTransaction::id, Comparator.reverseOrder());

    private final WorldSettings settings;

    private final Clock clock;

    private final OperationSource source;

    private final RowEdits edits;

    private final ConcurrentMap<Long, SandboxUser> users = new ConcurrentHashMap<>();

    private final ConcurrentMap<Long, SandboxConnection> connections = new ConcurrentHashMap<>();

    private final AtomicLong userIds = new AtomicLong();

    private final AtomicLong connectionIds = new AtomicLong();

    private volatile Runnable changed = () -> {
    };

    public SandboxWorld(WorldSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.source = new OperationSource(settings);
        this.edits = new RowEdits(settings.seed(), source);
    }

    public Instant now() {
        return clock.instant();
    }

    public long seed() {
        return settings.seed();
    }

    public SandboxUser createUser() {
        var user = new SandboxUser(userIds.incrementAndGet(), now());
        user.onChange(changed);
        users.put(user.id(), user);
        changed.run();
        return user;
    }

    /**
     * What to run after each change worth remembering across a restart (a user, a token, a connection made or
     * deleted): the in-app sandbox saves its {@link #state()} then.
     */
    public void onChange(Runnable listener) {
        this.changed = listener;
        users.values().forEach(user -> user.onChange(listener));
    }

    /** Everything the world remembers (see {@link WorldState}). */
    public WorldState state() {
        return new WorldState(userIds.get(), connectionIds.get(),
                users.values().stream().map(SandboxUser::remembered).toList(),
                connections.values().stream().map(SandboxConnection::remembered).toList());
    }

    /**
     * Takes back a remembered state, in a world that holds nothing yet (at start-up).
     *
     * @throws IllegalStateException when the world already holds users
     */
    public void restore(WorldState state) {
        if (!users.isEmpty() || !connections.isEmpty()) {
            throw new IllegalStateException("The sandbox world already holds users: it is restored only at start-up");
        }
        state.users().forEach(remembered -> {
            SandboxUser user = SandboxUser.restore(remembered);
            user.onChange(changed);
            users.put(user.id(), user);
        });
        state.connections().forEach(remembered -> connections.put(remembered.id(),
                SandboxConnection.restore(remembered)));
        userIds.set(state.lastUserId());
        connectionIds.set(state.lastConnectionId());
    }

    public Optional<SandboxUser> user(long id) {
        return Optional.ofNullable(users.get(id));
    }

    public int userCount() {
        return users.size();
    }

    public int connectionCount() {
        return connections.size();
    }

    public SandboxConnection connect(SandboxUser user, Bank bank, Scenario scenario) {
        long id = connectionIds.incrementAndGet();
        Instant created = now();
        var connection = new SandboxConnection(id, user.id(), bank, scenario, created,
                source.accountCount(bank, id, created));
        connections.put(connection.id(), connection);
        user.addConnection(connection.id());
        changed.run();
        return connection;
    }

    public Optional<SandboxConnection> connection(long id) {
        return Optional.ofNullable(connections.get(id));
    }

    /**
     * Deletes one of the user's connections; its accounts and transactions, computed from it, go with it.
     *
     * @return whether the user had that connection
     */
    public boolean deleteConnection(SandboxUser user, long connectionId) {
        SandboxConnection connection = connections.get(connectionId);
        if (connection == null || connection.userId() != user.id()) {
            return false;
        }
        user.removeConnection(connectionId);
        connections.remove(connectionId);
        changed.run();
        return true;
    }

    /** Deletes a user and its connections: its tokens stop authenticating, as they name a user no longer here. */
    public void deleteUser(SandboxUser user) {
        users.remove(user.id());
        user.connectionIds().forEach(id -> deleteConnection(user, id));
        changed.run();
    }

    /** Every connection, for the background refresh. */
    public Collection<SandboxConnection> allConnections() {
        return Collections.unmodifiableCollection(connections.values());
    }

    public List<SandboxConnection> connections(SandboxUser user) {
        return user.connectionIds().stream().map(connections::get).toList();
    }

    /** The first day of a connection's history. */
    public LocalDate firstDay(SandboxConnection connection) {
        return source.firstDay(connection.created());
    }

    /**
     * The first operation day that can hold a row updated after {@code lastUpdate}: rows change at most
     * {@value Operation#MAX_LIFE_DAYS} days after their day, except at the first sync, which touches every row.
     */
    public LocalDate firstDayChangedAfter(SandboxConnection connection, Instant lastUpdate) {
        if (lastUpdate.isBefore(connection.created())) {
            return firstDay(connection);
        }
        LocalDate candidate = Clocks.parisDate(lastUpdate).minusDays(Operation.MAX_LIFE_DAYS);
        return candidate.isBefore(firstDay(connection)) ? firstDay(connection) : candidate;
    }

    /** The edits made to a connection's settled rows up to {@code at}, oldest first. */
    public List<RowEdit> edits(long connectionId, Instant at) {
        SandboxConnection connection = connection(connectionId)
                .orElseThrow(() -> new IllegalArgumentException("No connection " + connectionId));
        return edits.until(connection, firstDay(connection), connection.dataInstant(at));
    }

    /**
     * The ids of the rows a pending row may book as: itself (booked in place; Enable Banking shows it under a new
     * {@code entry_reference} all the same) or the booked row that replaces it under a new id. A pending row that
     * never books has neither.
     */
    public static List<Long> bookedIdsOf(long pendingRowId) {
        return List.of(pendingRowId, pendingRowId + Operation.REPLACEMENT_OFFSET);
    }

    /** The complete ledger of a connection as the aggregator shows it at {@code at} (deleted rows included). */
    public ConnectionLedger expectedLedger(long connectionId, Instant at) {
        SandboxConnection connection = connection(connectionId)
                .orElseThrow(() -> new IllegalArgumentException("No connection " + connectionId));
        Instant dataAt = connection.dataInstant(at);
        List<LedgerTransaction> rows = new ArrayList<>(
                transactions(connection, dataAt, firstDay(connection), Clocks.parisDate(dataAt)));
        rows.sort(NEWEST_FIRST);
        return new ConnectionLedger(connectionId, dataAt, accounts(connection, at), List.copyOf(rows));
    }

    /** The accounts of a connection at {@code at}, with balances computed from their transactions. */
    public List<LedgerAccount> accounts(SandboxConnection connection, Instant at) {
        Instant dataAt = connection.dataInstant(at);
        LocalDate first = firstDay(connection);
        List<LedgerAccount> accounts = new ArrayList<>();
        Map<Long, List<RowEdit>> byRow = editsByRow(connection, dataAt);
        List<LocalDate> days = days(connection, dataAt, first, Clocks.parisDate(dataAt));
        for (long accountId : connection.accountIds()) {
            long initial = source.initialCents(connection, accountId);
            long balance = initial;
            long coming = 0;
            for (LedgerTransaction row : accountRows(connection, accountId, dataAt, days, byRow)) {
                if (!row.isDeleted() && row.coming()) {
                    coming += row.valueCents();
                } else if (!row.isDeleted()) {
                    balance += row.valueCents();
                }
            }
            AccountKind kind = kind(connection, accountId);
            accounts.add(new LedgerAccount(accountId, connection.id(), connection.userId(), kind, number(accountId),
                    iban(accountId), initial, balance, coming, connection.lastRefresh(), first,
                    loan(connection, kind, dataAt)));
        }
        return accounts;
    }

    /**
     * The end-of-day (Paris) balance of an account on {@code day}, in cents, as the bank's data shows it now: the
     * account's opening balance plus its booked, live rows booked on or before that day. An investment account's
     * balance is its valuation (its weekly valuation moves are rows); a loan's is minus the capital still due. A day
     * before the history gives the opening balance, a day after today today's balance.
     */
    public long balanceOn(SandboxConnection connection, long accountId, LocalDate day) {
        return balanceOn(connection, accountId, day, now());
    }

    /**
     * {@link #balanceOn(SandboxConnection, long, LocalDate)} as the bank's data showed it at {@code asOf}: later
     * corrections and withdrawals of older rows are not yet applied.
     */
    public long balanceOn(SandboxConnection connection, long accountId, LocalDate day, Instant asOf) {
        Instant dataAt = connection.dataInstant(asOf);
        long balance = source.initialCents(connection, accountId);
        List<LocalDate> days = days(connection, dataAt, firstDay(connection), day);
        for (LedgerTransaction row : accountRows(connection, accountId, dataAt, days,
                editsByRow(connection, dataAt))) {
            if (!row.isDeleted() && !row.coming() && !row.date().isAfter(day)) {
                balance += row.valueCents();
            }
        }
        return balance;
    }

    /** A connection's net worth at the end of {@code day}, from {@link #balanceOn} of each of its accounts. */
    public NetWorth netWorthOn(SandboxConnection connection, LocalDate day) {
        Map<AccountKind, Long> byKind = new EnumMap<>(AccountKind.class);
        for (long accountId : connection.accountIds()) {
            byKind.merge(kind(connection, accountId), balanceOn(connection, accountId, day), Long::sum);
        }
        return NetWorth.of(day, byKind);
    }

    /**
     * The household's true cash flow in {@code month} (rows by booking date), as the bank's data shows it now; see
     * {@link CashFlow}.
     */
    public CashFlow cashFlow(SandboxConnection connection, YearMonth month) {
        return cashFlow(connection, month, LedgerTransaction::date);
    }

    /** {@link #cashFlow(SandboxConnection, YearMonth)} with the rows dated by {@code dateOf} (e.g. application date). */
    public CashFlow cashFlow(SandboxConnection connection, YearMonth month,
            Function<LedgerTransaction, LocalDate> dateOf) {
        Instant dataAt = connection.dataInstant(now());
        LocalDate from = firstDayWithApplicationDateFrom(month.atDay(1));
        LocalDate to = lastDayWithApplicationDateTo(month.atEndOfMonth());
        return CashFlow.of(transactions(connection, dataAt, from, to).stream()
                .filter(row -> YearMonth.from(dateOf.apply(row)).equals(month))
                .toList());
    }

    /** The household behind a Demo Bank connection (what it earns, pays and saves each month). */
    public Household household(SandboxConnection connection) {
        if (connection.bank() != Bank.DEMO) {
            throw new IllegalArgumentException("Only Demo Bank connections have a household");
        }
        return source.household(connection);
    }

    /**
     * The rows of a connection visible at {@code dataAt} whose operation day lies in [{@code from}, {@code to}],
     * unsorted. Callers pass {@link SandboxConnection#dataInstant(Instant)}.
     */
    public List<LedgerTransaction> transactions(SandboxConnection connection, Instant dataAt, LocalDate from,
            LocalDate to) {
        Map<Long, List<RowEdit>> byRow = editsByRow(connection, dataAt);
        List<LedgerTransaction> rows = new ArrayList<>();
        for (long accountId : connection.accountIds()) {
            rows.addAll(accountRows(connection, accountId, dataAt, days(connection, dataAt, from, to), byRow));
        }
        return rows;
    }

    /**
     * The rows of a connection visible at {@code dataAt}, with an operation day in [{@code from}, {@code to}], that
     * changed after {@code since}: those still in their own life, and the older ones edited since (which may be of
     * any age), unsorted.
     */
    public List<LedgerTransaction> changedAfter(SandboxConnection connection, Instant dataAt, Instant since,
            LocalDate from, LocalDate to) {
        List<RowEdit> all = edits.until(connection, firstDay(connection), dataAt);
        Map<Long, List<RowEdit>> byRow = byRow(all);
        SortedSet<LocalDate> days = new TreeSet<>(
                days(connection, dataAt, max(from, firstDayChangedAfter(connection, since)), to));
        for (RowEdit edit : all) {
            LocalDate day = dayOf(edit.rowId());
            if (edit.at().isAfter(since) && !day.isBefore(from) && !day.isAfter(to)) {
                days.add(day);
            }
        }
        List<LedgerTransaction> rows = new ArrayList<>();
        for (long accountId : connection.accountIds()) {
            for (LedgerTransaction row : accountRows(connection, accountId, dataAt, days, byRow)) {
                if (row.lastUpdate().isAfter(since)) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /**
     * The earliest operation day whose row may carry an application date on or after {@code day}: a row books at
     * most five days after its operation day, and a user may move the application date up to
     * {@value RowEdits#REDATE_LATER_DAYS} days after the booking date.
     */
    public static LocalDate firstDayWithApplicationDateFrom(LocalDate day) {
        return day.minusDays(RowEdits.REDATE_LATER_DAYS + 5);
    }

    /**
     * The latest operation day whose row may carry an application date on or before {@code day}: a user may move
     * it up to {@value RowEdits#REDATE_EARLIER_DAYS} days before the booking date.
     */
    public static LocalDate lastDayWithApplicationDateTo(LocalDate day) {
        return day.plusDays(RowEdits.REDATE_EARLIER_DAYS);
    }

    private List<LocalDate> days(SandboxConnection connection, Instant dataAt, LocalDate from, LocalDate to) {
        LocalDate start = max(from, firstDay(connection));
        LocalDate today = Clocks.parisDate(dataAt);
        LocalDate end = to.isAfter(today) ? today : to;
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }

    private Map<Long, List<RowEdit>> editsByRow(SandboxConnection connection, Instant dataAt) {
        return byRow(edits.until(connection, firstDay(connection), dataAt));
    }

    private static Map<Long, List<RowEdit>> byRow(List<RowEdit> edits) {
        Map<Long, List<RowEdit>> byRow = new HashMap<>();
        for (RowEdit edit : edits) {
            byRow.computeIfAbsent(edit.rowId(), id -> new ArrayList<>()).add(edit);
        }
        return byRow;
    }

    private List<LedgerTransaction> accountRows(SandboxConnection connection, long accountId, Instant dataAt,
            Collection<LocalDate> days, Map<Long, List<RowEdit>> byRow) {
        var operations = source.account(connection, accountId);
        List<LedgerTransaction> generated = new ArrayList<>();
        for (LocalDate day : days) {
            for (Operation operation : operations.apply(day)) {
                operation.addRows(dataAt, connection.created(), generated);
            }
        }
        if (byRow.isEmpty()) {
            return generated;
        }
        List<LedgerTransaction> rows = new ArrayList<>(generated.size());
        for (LedgerTransaction row : generated) {
            for (RowEdit edit : byRow.getOrDefault(row.id(), List.of())) {
                row = edit.applyTo(row);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The operation day encoded in a row id ({@code accountId * 10^7 + epochDay * 100 + seq}). */
    private static LocalDate dayOf(long rowId) {
        return LocalDate.ofEpochDay(rowId % 10_000_000L / 100);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** The kind of one of a connection's accounts. */
    public AccountKind kind(SandboxConnection connection, long accountId) {
        return source.kind(connection, accountId);
    }

    private @Nullable LoanDetails loan(SandboxConnection connection, AccountKind kind, Instant dataAt) {
        Mortgage mortgage = kind == AccountKind.LOAN ? source.household(connection).mortgage() : null;
        return mortgage == null ? null : LoanDetails.at(mortgage, dataAt);
    }

    private static String number(long accountId) {
        return String.format("%011d", accountId);
    }

    static String iban(long accountId) {
        return FrenchIban.of("30001", "00001", number(accountId));
    }
}
