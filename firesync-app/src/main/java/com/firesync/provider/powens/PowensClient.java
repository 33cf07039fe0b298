package com.firesync.provider.powens;

import com.firesync.provider.BankingProvider;
import com.firesync.provider.ConnectionAccounts;
import com.firesync.provider.ProviderAccount;
import com.firesync.provider.ProviderCallGate;
import com.firesync.provider.ProviderConnection;
import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderFailure;
import com.firesync.provider.ProviderToken;
import com.firesync.provider.ProviderTransaction;
import com.firesync.provider.ProviderUser;
import com.firesync.provider.TransactionPage;
import com.firesync.provider.TransactionQuery;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Powens API client behind the {@link BankingProvider} port. It talks to whatever base URL is configured (Powens,
 * a proxy, the built-in sandbox) and never retries: the caller decides what is safe to repeat.
 */
final class PowensClient implements BankingProvider, AutoCloseable {

    /** The provider's name, also the name of its rate limiter, concurrency bound and retry instances. */
    static final String NAME = "powens";

    private final Supplier<PowensEndpoints> endpoints;

    private final PowensHttp http;

    private final PowensAuth auth;

    private final PowensMapping mapping;

    private final PowensTime time;

    private final int pageSize;

    private final Duration refreshTimeout;

    /**
     * @param gate admits every HTTP request the client sends (the provider-wide rate limit and concurrency bound)
     */
    PowensClient(Supplier<PowensEndpoints> endpoints, PowensSettings settings, Clock clock, ProviderCallGate gate) {
        this(endpoints, settings, clock, gate, new SimpleMeterRegistry());
    }

    /**
     * @param meters where every request is timed by endpoint and status
     */
    PowensClient(Supplier<PowensEndpoints> endpoints, PowensSettings settings, Clock clock, ProviderCallGate gate,
            MeterRegistry meters) {
        this.endpoints = endpoints;
        this.http = new PowensHttp(settings.connectTimeout(), settings.readTimeout(), clock, gate, meters);
        this.auth = new PowensAuth(endpoints, http);
        this.time = new PowensTime(settings.timezone());
        this.mapping = new PowensMapping(time);
        this.pageSize = settings.pageSize();
        this.refreshTimeout = settings.refreshTimeout();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ZoneId zone() {
        return time.zone();
    }

    /**
     * {@inheritDoc} Powens creates a user on every {@code POST /auth/init} it processes, so this call is sent once,
     * whatever happens.
     */
    @Override
    public ProviderUser createUser() {
        return auth.createUser();
    }

    @Override
    public ProviderToken renewToken(String providerUserId, boolean revokePrevious) {
        return auth.renewToken(providerUserId, revokePrevious);
    }

    @Override
    public void revokeToken(ProviderToken token) {
        auth.revokeToken(token);
    }

    @Override
    public URI connectUrl(ProviderToken token, String state, URI redirectUri) {
        return Webview.connect(endpoints.get(), auth.temporaryCode(token), state, redirectUri);
    }

    @Override
    public URI reconnectUrl(ProviderToken token, String connectionId, String state, URI redirectUri) {
        return Webview.reconnect(endpoints.get(), auth.temporaryCode(token), state, redirectUri, connectionId);
    }

    @Override
    public List<ProviderConnection> connections(ProviderToken token) {
        String operation = "Powens GET /users/me/connections";
        URI uri = url("/users/me/connections", new QueryString().add("expand", "connector"));
        PowensJson.ConnectionList list = http.fetch(operation, get(uri, token), PowensJson.ConnectionList.class);
        return PowensHttp.guarded(operation, () -> Objects
                .requireNonNullElse(list.connections(), List.<PowensJson.Connection>of()).stream()
                .map(mapping::connection)
                .toList());
    }

    @Override
    public ProviderConnection connection(ProviderToken token, String connectionId) {
        String operation = "Powens GET /users/me/connections/{id}";
        URI uri = url(connectionPath(connectionId), new QueryString().add("expand", "connector"));
        PowensJson.Connection json = http.fetch(operation, get(uri, token), PowensJson.Connection.class);
        return PowensHttp.guarded(operation, () -> mapping.connection(json));
    }

    /**
     * {@inheritDoc} Sends {@code POST /users/me/connections/{id}} with an empty body, Powens' documented "sync a
     * connection" (the {@code PUT} of older docs is a legacy alias); its fair-usage policy reserves it for refreshes a
     * user asked for. Powens may answer the connection or nothing; then the connection is read again.
     */
    @Override
    public ProviderConnection refreshConnection(ProviderToken token, String connectionId) {
        String operation = "Powens POST /users/me/connections/{id}";
        // Powens may hold the answer until the bank sync ends: a longer wait, so that a slow bank is not mistaken
        // for a failure and the refresh repeated
        byte[] body = http.send(operation, http.request(url(connectionPath(connectionId), new QueryString()), token)
                .timeout(refreshTimeout)
                // an empty request is a sync; a body would update the connection's credentials or fields
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(), refreshTimeout);
        PowensJson.Connection json = body.length == 0
                ? null
                : PowensHttp.guarded(operation, () -> http.read(body, PowensJson.Connection.class));
        if (json == null || json.id() == null) {
            return connection(token, connectionId);
        }
        return PowensHttp.guarded(operation, () -> mapping.connection(json));
    }

    /**
     * {@inheritDoc} Sends {@code GET /users/me/connections/{id}?expand=connector,all_accounts}.
     */
    @Override
    public ConnectionAccounts connectionWithAccounts(ProviderToken token, String connectionId) {
        String operation = "Powens GET /users/me/connections/{id}?expand=all_accounts";
        URI uri = url(connectionPath(connectionId), new QueryString().add("expand", "connector,all_accounts"));
        PowensJson.Connection json = http.fetch(operation, get(uri, token), PowensJson.Connection.class);
        return PowensHttp.guarded(operation, () -> {
            List<PowensJson.Account> accounts = json.allAccounts() != null
                    ? json.allAccounts()
                    : Objects.requireNonNullElse(json.accounts(), List.<PowensJson.Account>of());
            return new ConnectionAccounts(mapping.connection(json), accounts.stream().map(mapping::account).toList());
        });
    }

    @Override
    public List<ProviderAccount> accounts(ProviderToken token) {
        String operation = "Powens GET /users/me/accounts";
        URI uri = url("/users/me/accounts", new QueryString().flag("all", true));
        try {
            PowensJson.AccountList list = http.fetch(operation, get(uri, token), PowensJson.AccountList.class);
            return PowensHttp.guarded(operation, () -> Objects
                    .requireNonNullElse(list.accounts(), List.<PowensJson.Account>of()).stream()
                    .map(mapping::account)
                    .toList());
        } catch (ProviderException e) {
            if (isNoAccount(e)) {
                return List.of();
            }
            throw e;
        }
    }

    @Override
    public long transactions(ProviderToken token, TransactionQuery query, Consumer<TransactionPage> pages) {
        try {
            return new TransactionListing(this, token, endpoints.get().baseUrl(), firstPage(query)).run(pages);
        } catch (ProviderException e) {
            // Powens answers 400 noAccount to a user without accounts: nothing to read, not an error
            if (isNoAccount(e)) {
                return 0;
            }
            throw e;
        }
    }

    /**
     * {@inheritDoc} Sends {@code DELETE /users/me/connections/{id}}; a 404 means it is already gone.
     */
    @Override
    public void deleteConnection(ProviderToken token, String connectionId) {
        http.delete("Powens DELETE /users/me/connections/{id}",
                http.request(url(connectionPath(connectionId), new QueryString()), token).DELETE().build());
    }

    /**
     * {@inheritDoc} Sends {@code DELETE /users/me}; a 404 means it is already gone. Powens refuses a revoked token with
     * a 401 or 403 while the user stays (and is billed): the token is then renewed ({@code POST /auth/renew} with
     * {@code id_user}) and the deletion sent again; a renewal answering 404 means Powens no longer knows the user.
     */
    @Override
    public void deleteUser(String providerUserId, ProviderToken token) {
        try {
            sendUserDeletion(token);
        } catch (ProviderException refused) {
            if (!(refused.failure() instanceof ProviderFailure.AuthInvalid)) {
                throw refused;
            }
            ProviderToken renewed;
            try {
                renewed = auth.renewToken(providerUserId, false);
            } catch (ProviderException renewal) {
                if (unknownUser(renewal.failure())) {
                    return;
                }
                throw renewal;
            }
            sendUserDeletion(renewed);
        }
    }

    private void sendUserDeletion(ProviderToken token) {
        http.delete("Powens DELETE /users/me", http.request(url("/users/me", new QueryString()), token).DELETE()
                .build());
    }

    private static boolean unknownUser(ProviderFailure failure) {
        return failure instanceof ProviderFailure.Permanent permanent
                && (permanent.code().equals("notFound") || permanent.code().equals("http_404"));
    }

    /**
     * Reads and maps one page of transactions from a URL already checked to be on the configured origin.
     */
    PowensJson.TransactionList transactionPage(URI uri, ProviderToken token) {
        return http.fetch(TransactionListing.OPERATION, get(uri, token), PowensJson.TransactionList.class);
    }

    List<ProviderTransaction> map(PowensJson.TransactionList page) {
        return PowensHttp.guarded(TransactionListing.OPERATION, () -> mapping.transactions(page));
    }

    int pageSize() {
        return pageSize;
    }

    private URI firstPage(TransactionQuery query) {
        String path;
        if (query.accountId() != null) {
            path = "/users/me/accounts/" + QueryString.encode(query.accountId()) + "/transactions";
        } else if (query.connectionId() != null) {
            path = "/users/me/connections/" + QueryString.encode(query.connectionId()) + "/transactions";
        } else {
            path = "/users/me/transactions";
        }
        return url(path, new QueryString()
                .add("limit", pageSize)
                .add("min_date", query.minDate())
                // Powens filters dates on the user-editable application_date unless told otherwise; FireSync's
                // windows are on the booking date, so it asks for that one
                .add("filter", query.minDate() == null ? null : "date")
                .add("last_update", query.updatedAfter() == null ? null : time.format(query.updatedAfter()))
                .flag("all", query.includeDeleted()));
    }

    private HttpRequest get(URI uri, ProviderToken token) {
        return http.request(uri, token).GET().build();
    }

    private URI url(String path, QueryString query) {
        return URI.create(endpoints.get().baseUrl() + path + query);
    }

    private static String connectionPath(String connectionId) {
        return "/users/me/connections/" + QueryString.encode(connectionId);
    }

    private static boolean isNoAccount(ProviderException e) {
        return e.failure() instanceof ProviderFailure.Permanent permanent && "noAccount".equals(permanent.code());
    }

    @Override
    public void close() {
        http.close();
    }
}
