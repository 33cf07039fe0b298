package com.firesync.provider.powens;

import com.firesync.provider.BankingProvider;
import com.firesync.provider.ProviderAccount;
import com.firesync.provider.ProviderConnection;
import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderFailure;
import com.firesync.provider.ProviderToken;
import com.firesync.provider.ProviderTransaction;
import com.firesync.provider.ProviderUser;
import com.firesync.provider.TransactionPage;
import com.firesync.provider.TransactionQuery;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The Powens API client behind the {@link BankingProvider} port. It talks to whatever base URL is configured (Powens,
 * a proxy, the built-in sandbox) and never retries: the caller decides what is safe to repeat.
 */
final class PowensClient implements BankingProvider, AutoCloseable {

    private final Supplier<PowensEndpoints> endpoints;

    private final PowensHttp http;

    private final PowensMapping mapping;

    private final PowensTime time;

    private final int pageSize;

    PowensClient(Supplier<PowensEndpoints> endpoints, PowensSettings settings, Clock clock) {
        this.endpoints = endpoints;
        this.http = new PowensHttp(settings.connectTimeout(), settings.readTimeout(), clock);
        this.time = new PowensTime(settings.timezone());
        this.mapping = new PowensMapping(time);
        this.pageSize = settings.pageSize();
    }

    @Override
    public String name() {
        return "powens";
    }

    /**
     * {@inheritDoc} Powens creates a user on every {@code POST /auth/init} it processes, so this call is sent once,
     * whatever happens.
     */
    @Override
    public ProviderUser createUser() {
        PowensEndpoints target = endpoints.get();
        Map<String, Object> body = Map.of("client_id", target.clientId(), "client_secret", target.clientSecret());
        PowensJson.AuthInit init = call("POST /auth/init", post(target, "/auth/init", null, body),
                PowensJson.AuthInit.class);
        return guard("POST /auth/init", () -> new ProviderUser(present(init.idUser(), "id_user"),
                new ProviderToken(present(init.authToken(), "auth_token"))));
    }

    @Override
    public ProviderToken renewToken(String providerUserId, boolean revokePrevious) {
        PowensEndpoints target = endpoints.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("grant_type", "client_credentials");
        body.put("client_id", target.clientId());
        body.put("client_secret", target.clientSecret());
        body.put("id_user", numericIfPossible(providerUserId));
        body.put("revoke_previous", revokePrevious);
        PowensJson.AccessToken renewed = call("POST /auth/renew", post(target, "/auth/renew", null, body),
                PowensJson.AccessToken.class);
        return guard("POST /auth/renew", () -> new ProviderToken(present(renewed.accessToken(), "access_token")));
    }

    @Override
    public void revokeToken(ProviderToken token) {
        http.send("Powens DELETE /auth/token", http.request(url("/auth/token", ""), token).DELETE().build());
    }

    @Override
    public URI connectUrl(ProviderToken token, String state, URI redirectUri) {
        return Webview.connect(endpoints.get(), temporaryCode(token), state, redirectUri);
    }

    @Override
    public URI reconnectUrl(ProviderToken token, String connectionId, String state, URI redirectUri) {
        return Webview.reconnect(endpoints.get(), temporaryCode(token), state, redirectUri, connectionId);
    }

    /**
     * A single-use code for the Webview, valid 30 minutes at most: the permanent token never reaches a browser.
     */
    String temporaryCode(ProviderToken token) {
        URI uri = url("/auth/token/code", new QueryString().add("type", "singleAccess").toString());
        PowensJson.TemporaryCode code = call("GET /auth/token/code", http.request(uri, token).GET().build(),
                PowensJson.TemporaryCode.class);
        return guard("GET /auth/token/code", () -> present(code.code(), "code"));
    }

    @Override
    public List<ProviderConnection> connections(ProviderToken token) {
        URI uri = url("/users/me/connections", new QueryString().add("expand", "connector").toString());
        PowensJson.ConnectionList list = call("GET /users/me/connections", http.request(uri, token).GET().build(),
                PowensJson.ConnectionList.class);
        return guard("GET /users/me/connections", () -> Objects.requireNonNullElse(list.connections(),
                List.<PowensJson.Connection>of()).stream().map(mapping::connection).toList());
    }

    @Override
    public ProviderConnection connection(ProviderToken token, String connectionId) {
        URI uri = url(connectionPath(connectionId), new QueryString().add("expand", "connector").toString());
        PowensJson.Connection json = call("GET /users/me/connections/{id}", http.request(uri, token).GET().build(),
                PowensJson.Connection.class);
        return guard("GET /users/me/connections/{id}", () -> mapping.connection(json));
    }

    /**
     * {@inheritDoc} Sends {@code PUT /users/me/connections/{id}}, which Powens' fair-usage policy reserves for
     * refreshes a user asked for. Powens may answer the connection or nothing; then the connection is read again.
     */
    @Override
    public ProviderConnection refreshConnection(ProviderToken token, String connectionId) {
        String operation = "Powens PUT /users/me/connections/{id}";
        byte[] body = http.send(operation, http.request(url(connectionPath(connectionId), ""), token)
                .PUT(HttpRequest.BodyPublishers.noBody()).build());
        if (body.length == 0) {
            return connection(token, connectionId);
        }
        PowensJson.Connection json = guard(operation, () -> http.read(body, PowensJson.Connection.class));
        return json.id() == null ? connection(token, connectionId) : guard(operation, () -> mapping.connection(json));
    }

    @Override
    public List<ProviderAccount> accounts(ProviderToken token) {
        URI uri = url("/users/me/accounts", new QueryString().flag("all", true).toString());
        try {
            PowensJson.AccountList list = call("GET /users/me/accounts", http.request(uri, token).GET().build(),
                    PowensJson.AccountList.class);
            return guard("GET /users/me/accounts", () -> Objects.requireNonNullElse(list.accounts(),
                    List.<PowensJson.Account>of()).stream().map(mapping::account).toList());
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
     * Reads one page of transactions from an absolute URL already checked to be on the configured origin.
     */
    PowensJson.TransactionList transactionPage(URI uri, ProviderToken token) {
        return call("GET /users/me/transactions", http.request(uri, token).GET().build(),
                PowensJson.TransactionList.class);
    }

    List<ProviderTransaction> map(PowensJson.TransactionList page) {
        return guard("GET /users/me/transactions", () -> mapping.transactions(page));
    }

    int pageSize() {
        return pageSize;
    }

    private URI firstPage(TransactionQuery query) {
        String path = query.accountId() == null
                ? "/users/me/transactions"
                : "/users/me/accounts/" + QueryString.encode(query.accountId()) + "/transactions";
        QueryString params = new QueryString()
                .add("limit", pageSize)
                .add("min_date", query.minDate())
                .add("last_update", query.updatedAfter() == null ? null : time.format(query.updatedAfter()))
                .flag("all", query.includeDeleted());
        return url(path, params.toString());
    }

    private <T> T call(String operation, HttpRequest request, Class<T> type) {
        String named = "Powens " + operation;
        byte[] body = http.send(named, request);
        return guard(named, () -> http.read(body, type));
    }

    private static <T> T guard(String operation, Supplier<T> step) {
        try {
            return step.get();
        } catch (MalformedResponseException e) {
            throw new ProviderException(operation.startsWith("Powens") ? operation : "Powens " + operation,
                    new ProviderFailure.Transient("malformed_response", null), e);
        }
    }

    private HttpRequest post(PowensEndpoints target, String path, @Nullable ProviderToken token, Object body) {
        return http.request(URI.create(target.baseUrl() + path), token)
                .header("Content-Type", "application/json")
                .POST(http.jsonBody(body))
                .build();
    }

    private URI url(String path, String query) {
        return URI.create(endpoints.get().baseUrl() + path + query);
    }

    private static String connectionPath(String connectionId) {
        return "/users/me/connections/" + QueryString.encode(connectionId);
    }

    private static String present(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MalformedResponseException("Powens sent no " + field);
        }
        return value;
    }

    private static Object numericIfPossible(String id) {
        return id.chars().allMatch(Character::isDigit) && !id.isEmpty() && id.length() < 19
                ? Long.parseLong(id)
                : id;
    }

    private static boolean isNoAccount(ProviderException e) {
        return e.failure() instanceof ProviderFailure.Permanent permanent && "noAccount".equals(permanent.code());
    }

    @Override
    public void close() {
        http.close();
    }
}
