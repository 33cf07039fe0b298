package com.firesync.provider.enablebanking;

import com.firesync.provider.AuthorizedSession;
import com.firesync.provider.BankingProvider;
import com.firesync.provider.ConnectionAccounts;
import com.firesync.provider.ConnectionHealth;
import com.firesync.provider.PendingRows;
import com.firesync.provider.PresentUser;
import com.firesync.provider.ProviderAccount;
import com.firesync.provider.ProviderBank;
import com.firesync.provider.ProviderConnection;
import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderFailure;
import com.firesync.provider.ProviderToken;
import com.firesync.provider.ProviderTransaction;
import com.firesync.provider.ProviderUser;
import com.firesync.provider.TransactionPage;
import com.firesync.provider.TransactionQuery;
import com.firesync.provider.UnattendedBudget;
import com.firesync.provider.UnattendedCalls;
import com.firesync.provider.enablebanking.EnableBankingJson.Session;
import com.firesync.shared.Sha256;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Enable Banking API client behind the {@link BankingProvider} port. One connection is one Enable Banking
 * session: its access is the session id (a secret FireSync keeps encrypted), its id a digest of it, its accounts the
 * session's account uids. Enable Banking has no user of its own: FireSync's provider user is the PSU id it sends when
 * linking. It never retries: the caller decides what is safe to repeat. Each account call made without a present
 * user is first taken from the day's unattended budget (one call per kind: details, balances, and a transaction
 * listing whatever its pages, as the banks count them); a call the budget refuses is not sent.
 */
final class EnableBankingClient implements BankingProvider, AutoCloseable {

    /** The provider's name, also the name of its rate limiter, concurrency bound and retry instances. */
    static final String NAME = "enablebanking";

    private static final Logger log = LoggerFactory.getLogger(EnableBankingClient.class);

    private static final PendingRows PENDING_ROWS = PendingRows.replacedWithin(Period.ofDays(7));

    private final Supplier<URI> baseUrl;

    private final EnableBankingHttp http;

    private final EnableBankingSettings settings;

    private final Clock clock;

    /** Takes an unattended call from the day's budget, answering whether it may be sent. */
    private final Predicate<UnattendedCalls.Call> budget;

    /** The PSU headers of a present user, or none for an unattended read. */
    private final Map<String, String> psu;

    EnableBankingClient(Supplier<URI> baseUrl, EnableBankingHttp http, EnableBankingSettings settings, Clock clock,
            Predicate<UnattendedCalls.Call> budget) {
        this(baseUrl, http, settings, clock, budget, Map.of());
    }

    private EnableBankingClient(Supplier<URI> baseUrl, EnableBankingHttp http, EnableBankingSettings settings,
            Clock clock, Predicate<UnattendedCalls.Call> budget, Map<String, String> psu) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.settings = settings;
        this.clock = clock;
        this.budget = budget;
        this.psu = psu;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ZoneId zone() {
        return settings.zone();
    }

    /**
     * {@inheritDoc} A pending row has no {@code transaction_id}, and its {@code entry_reference}, when it has one,
     * changes when it books; a card payment books within days. Seven days covers the usual settlement of a card
     * authorisation (the sandbox books one to five days later).
     */
    @Override
    public PendingRows pendingRows() {
        return PENDING_ROWS;
    }

    /**
     * {@inheritDoc} Enable Banking keeps no users: this mints the PSU id FireSync sends with each of the user's
     * authorisations (Enable Banking keeps only a hash of it), which is also the identity's token.
     */
    @Override
    public ProviderUser createUser() {
        String psuId = UUID.randomUUID().toString();
        return new ProviderUser(psuId, new ProviderToken(psuId));
    }

    @Override
    public ProviderToken renewToken(String providerUserId, boolean revokePrevious) {
        return new ProviderToken(providerUserId);
    }

    @Override
    public void revokeToken(ProviderToken token) {
        // nothing to revoke: a PSU id opens nothing by itself
    }

    @Override
    public URI connectUrl(ProviderToken token, String state, URI redirectUri) {
        throw new ProviderException("Enable Banking POST /auth", new ProviderFailure.Permanent("bank_required"));
    }

    /**
     * {@inheritDoc} A session cannot be extended: this starts a new authorisation at the session's bank, whose
     * callback answers a new session, with new account uids, that replaces the old one. {@code token} is the old
     * session's id (the connection's access); an expired session still tells its bank.
     */
    @Override
    public URI reconnectUrl(ProviderToken token, String connectionId, String state, URI redirectUri) {
        var aspsp = session(token).aspsp();
        if (aspsp == null) {
            throw EnableBankingHttp.malformed("GET /sessions/{id}", null);
        }
        return authorization(null, state, redirectUri, bank(aspsp.name(), aspsp.country()));
    }

    @Override
    public List<ProviderBank> banks(@Nullable String country) {
        String query = "?psu_type=personal&service=AIS" + (country == null ? "" : "&country=" + encode(country));
        EnableBankingJson.Aspsps found = http.get("GET /aspsps", url("/aspsps" + query), Map.of(),
                EnableBankingJson.Aspsps.class);
        return Objects.requireNonNullElse(found.aspsps(), List.<EnableBankingJson.Aspsp>of())
                .stream()
                .map(bank -> new ProviderBank(bank.name(), bank.country(), bank.bic(), bank.logo(),
                        bank.maximumConsentValidity() == null
                                ? settings.consentValidity()
                                : Duration.ofSeconds(bank.maximumConsentValidity())))
                .toList();
    }

    /**
     * {@inheritDoc} The consent asked for is the configured validity, shortened to an hour under the bank's maximum
     * when that is shorter.
     */
    @Override
    public URI connectUrl(ProviderToken token, String state, URI redirectUri, String bank, String country) {
        return authorization(token.value(), state, redirectUri, bank(bank, country));
    }

    private ProviderBank bank(String bank, String country) {
        return banks(country).stream()
                .filter(candidate -> candidate.name().equals(bank) && candidate.country().equals(country))
                .findFirst()
                .orElseThrow(() -> new ProviderException("Enable Banking POST /auth",
                        new ProviderFailure.Permanent("unknown_bank")));
    }

    private URI authorization(@Nullable String psuId, String state, URI redirectUri, ProviderBank chosen) {
        Duration maximum = chosen.maximumConsentValidity();
        Duration validity = settings.consentValidity();
        if (maximum.compareTo(validity) < 0) {
            validity = maximum.compareTo(Duration.ofHours(2)) > 0 ? maximum.minusHours(1) : maximum.dividedBy(2);
        }
        String validUntil = clock.instant().plus(validity).atOffset(ZoneOffset.UTC).toString();
        var request = new EnableBankingJson.StartAuthorization(new EnableBankingJson.Access(validUntil),
                new EnableBankingJson.AspspRef(chosen.name(), chosen.country()), state, redirectUri.toString(),
                "personal", psuId);
        var started = http.post("POST /auth", url("/auth"), request, EnableBankingJson.StartedAuthorization.class);
        try {
            return URI.create(started.url());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw EnableBankingHttp.malformed("POST /auth", e);
        }
    }

    @Override
    public AuthorizedSession authorize(String code) {
        var session = http.post("POST /sessions", url("/sessions"), new EnableBankingJson.SessionCode(code),
                EnableBankingJson.AuthorizedSession.class);
        if (session.sessionId() == null || session.sessionId().isBlank()) {
            throw EnableBankingHttp.malformed("POST /sessions", null);
        }
        ProviderToken access = new ProviderToken(session.sessionId());
        var aspsp = session.aspsp();
        return new AuthorizedSession(access, new ProviderConnection(reference(access), null,
                aspsp == null ? "Enable Banking bank" : aspsp.name(), null, ConnectionHealth.OK, null, null,
                validUntil(session.access())));
    }

    @Override
    public List<ProviderConnection> connections(ProviderToken token) {
        return List.of(connection(token, reference(token)));
    }

    @Override
    public ProviderConnection connection(ProviderToken token, String connectionId) {
        return connection(token, session(token));
    }

    /**
     * {@inheritDoc} Enable Banking reads the bank on every account call: there is nothing to refresh first.
     */
    @Override
    public ProviderConnection refreshConnection(ProviderToken token, String connectionId) {
        return connection(token, connectionId);
    }

    /**
     * {@inheritDoc} The session first (not counted against the bank's unattended limit), then each account's details
     * and balances (one call of each kind per account).
     */
    @Override
    public ConnectionAccounts connectionWithAccounts(ProviderToken token, String connectionId) {
        Session session = session(token);
        ProviderConnection connection = connection(token, session);
        if (connection.health() != ConnectionHealth.OK) {
            return new ConnectionAccounts(connection, List.of());
        }
        List<ProviderAccount> accounts = new ArrayList<>();
        for (String uid : uids(session)) {
            take(token, uid, "details", "GET /accounts/{uid}/details");
            var details = http.get("GET /accounts/{uid}/details", url("/accounts/" + encode(uid) + "/details"), psu,
                    EnableBankingJson.Account.class);
            take(token, uid, "balances", "GET /accounts/{uid}/balances");
            var balances = http.get("GET /accounts/{uid}/balances", url("/accounts/" + encode(uid) + "/balances"),
                    psu, EnableBankingJson.Balances.class);
            accounts.add(EnableBankingMapping.account(uid, connection.id(), details,
                    Objects.requireNonNullElse(balances.balances(), List.of())));
        }
        return new ConnectionAccounts(connection, accounts);
    }

    @Override
    public List<ProviderAccount> accounts(ProviderToken token) {
        return connectionWithAccounts(token, reference(token)).accounts();
    }

    /**
     * {@inheritDoc} Each account is listed on its own, booked and pending rows alike, following
     * {@code continuation_key} with the same query. Enable Banking has no change cursor: an incremental query
     * ({@code updatedAfter}) reads from that day less the configured lookback, never before {@code minDate}; each
     * row's {@code lastUpdate} is the instant it was read, so the caller's cursor moves with each sync. A bank that
     * refuses the period ({@code WRONG_TRANSACTIONS_PERIOD}) is asked for shorter ones ({@link ListingPeriod}), each
     * taken from the unattended budget like the first; the pages then name the day the account's listing covers
     * from ({@link TransactionPage#listedFrom()}).
     */
    @Override
    public long transactions(ProviderToken token, TransactionQuery query, Consumer<TransactionPage> pages) {
        List<String> uids = query.accountId() != null ? List.of(query.accountId()) : uids(session(token));
        ListingPeriod asked = ListingPeriod.asked(dateFrom(query));
        long delivered = 0;
        int number = 0;
        for (int account = 0; account < uids.size(); account++) {
            String uid = uids.get(account);
            boolean lastAccount = account == uids.size() - 1;
            Map<String, Integer> seen = new HashMap<>();
            Listed listed = firstPage(token, uid, asked);
            EnableBankingJson.Transactions page = listed.page();
            LocalDate earliest = null;
            String key = null;
            while (true) {
                String next = nextKey(page, key);
                var rows = EnableBankingMapping.transactions(uid,
                        Objects.requireNonNullElse(page.transactions(), List.of()), clock.instant(), seen);
                earliest = rows.stream().map(ProviderTransaction::date).reduce(earliest, ListingPeriod::earlier);
                pages.accept(new TransactionPage(++number, rows, next == null && lastAccount,
                        listedFrom(uid, asked, listed.period(), earliest)));
                delivered += rows.size();
                if (next == null) {
                    break;
                }
                key = next;
                page = page(uid, listed.period(), key);
            }
        }
        return delivered;
    }

    /**
     * The first page of an account's listing, in the asked period or, when the bank refuses it, in the first of its
     * {@linkplain ListingPeriod#fallbacks fallbacks} the bank accepts. Each try is a listing the banks count.
     *
     * @throws ProviderException the last refusal, a permanent {@code WRONG_TRANSACTIONS_PERIOD}, when the bank
     *         refuses every period
     */
    private Listed firstPage(ProviderToken token, String uid, ListingPeriod asked) {
        ListingPeriod period = asked;
        Iterator<ListingPeriod> fallbacks = null;
        while (true) {
            // the banks count a listing once, on its first page
            take(token, uid, "transactions", "GET /accounts/{uid}/transactions");
            try {
                return new Listed(period, page(uid, period, null));
            } catch (PeriodRefused refused) {
                if (fallbacks == null) {
                    fallbacks = asked.fallbacks(refused.correctedFrom(), today()).iterator();
                }
                if (!fallbacks.hasNext()) {
                    throw refused;
                }
                period = fallbacks.next();
                log.info("The bank refused the transactions period of an account; listing it {} instead",
                        period.query());
            }
        }
    }

    private EnableBankingJson.Transactions page(String uid, ListingPeriod period, @Nullable String key) {
        String path = "/accounts/" + encode(uid) + "/transactions?" + period.query()
                + (key == null ? "" : "&continuation_key=" + encode(key));
        return http.get("GET /accounts/{uid}/transactions", url(path), psu, EnableBankingJson.Transactions.class);
    }

    private static @Nullable String nextKey(EnableBankingJson.Transactions page, @Nullable String key) {
        String next = page.continuationKey() == null || page.continuationKey().isBlank()
                ? null
                : page.continuationKey();
        if (next != null && next.equals(key)) {
            throw EnableBankingHttp.malformed("GET /accounts/{uid}/transactions", null);
        }
        return next;
    }

    /** The account's listing covered less than asked: from when, so that nothing is concluded before it. */
    private Map<String, LocalDate> listedFrom(String uid, ListingPeriod asked, ListingPeriod period,
            @Nullable LocalDate earliest) {
        LocalDate covered = period.equals(asked) ? null : period.coveredFrom(earliest, today());
        if (covered == null || asked.from() != null && !covered.isAfter(asked.from())) {
            return Map.of();
        }
        return Map.of(uid, covered);
    }

    /** The first page of a listing, and the period it was listed in. */
    private record Listed(ListingPeriod period, EnableBankingJson.Transactions page) {
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), settings.zone());
    }

    private @Nullable LocalDate dateFrom(TransactionQuery query) {
        LocalDate from = query.minDate();
        Instant changed = query.updatedAfter();
        if (changed != null) {
            LocalDate since = LocalDate.ofInstant(changed, settings.zone()).minusDays(settings.lookback().toDays());
            from = from == null || since.isAfter(from) ? since : from;
        }
        LocalDate today = today();
        if (from != null && from.isAfter(today)) {
            from = today;
        }
        return from;
    }

    /**
     * {@inheritDoc} Ends the session: Enable Banking closes the consent at the bank where the bank allows it.
     */
    @Override
    public void deleteConnection(ProviderToken token, String connectionId) {
        http.delete("DELETE /sessions/{id}", url("/sessions/" + encode(token.value())), psu);
    }

    /**
     * {@inheritDoc} Enable Banking keeps no users: each of the user's sessions is ended with its connection.
     */
    @Override
    public void deleteUser(String providerUserId, ProviderToken token) {
        // nothing held per user
    }

    /**
     * {@inheritDoc} The account calls then carry the user's {@code Psu-Ip-Address} and {@code Psu-User-Agent}.
     */
    @Override
    public BankingProvider attendedBy(PresentUser user) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Psu-Ip-Address", user.ipAddress());
        headers.put("Psu-User-Agent", user.userAgent());
        return new EnableBankingClient(baseUrl, http, settings, clock, budget, Map.copyOf(headers));
    }

    /**
     * {@inheritDoc} The banks' PSD2 limit, as configured: one sync reads each account's details, balances and one
     * transaction listing.
     */
    @Override
    public Optional<UnattendedBudget> unattendedBudget() {
        return Optional.of(new UnattendedBudget(settings.unattendedCallsPerDay()));
    }

    /**
     * Takes an account call from the day's unattended budget unless a present user's headers go with it.
     *
     * @throws ProviderException a permanent {@link #QUOTA_EXHAUSTED} failure, nothing sent, when the budget is spent
     */
    private void take(ProviderToken token, String uid, String kind, String operation) {
        if (!psu.isEmpty()) {
            return;
        }
        var call = new UnattendedCalls.Call(NAME, reference(token), uid, today(), kind);
        if (!budget.test(call)) {
            throw new ProviderException("Enable Banking " + operation,
                    new ProviderFailure.Permanent(QUOTA_EXHAUSTED));
        }
    }

    private Session session(ProviderToken token) {
        return http.get("GET /sessions/{id}", url("/sessions/" + encode(token.value())), Map.of(), Session.class);
    }

    private ProviderConnection connection(ProviderToken token, Session session) {
        Instant validUntil = validUntil(session.access());
        String status = session.status() == null ? "UNKNOWN" : session.status();
        if (status.equals("AUTHORIZED") && validUntil != null && !clock.instant().isBefore(validUntil)) {
            status = "EXPIRED";
        }
        ConnectionHealth health = switch (status) {
            case "AUTHORIZED" -> ConnectionHealth.OK;
            case "PENDING_AUTHORIZATION", "RETURNED_FROM_BANK" -> ConnectionHealth.PENDING;
            case "EXPIRED", "CLOSED", "REVOKED", "INVALID", "CANCELLED" -> ConnectionHealth.NEEDS_USER_ACTION;
            default -> ConnectionHealth.FAILING;
        };
        var aspsp = session.aspsp();
        return new ProviderConnection(reference(token), null, aspsp == null ? "Enable Banking bank" : aspsp.name(),
                health == ConnectionHealth.OK ? null : status, health, null, null, validUntil);
    }

    private static List<String> uids(Session session) {
        return Objects.requireNonNullElse(session.accounts(), List.of());
    }

    private static @Nullable Instant validUntil(EnableBankingJson.@Nullable SessionAccess access) {
        if (access == null || access.validUntil() == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(access.validUntil()).toInstant();
        } catch (DateTimeParseException e) {
            throw EnableBankingHttp.malformed("access.valid_until", e);
        }
    }

    /** The connection's id: a digest of the session id, which itself is a secret and never stored in clear. */
    static String reference(ProviderToken session) {
        return Sha256.hex("enablebanking-session:" + session.value());
    }

    private URI url(String pathAndQuery) {
        String base = baseUrl.get().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        http.close();
    }
}
