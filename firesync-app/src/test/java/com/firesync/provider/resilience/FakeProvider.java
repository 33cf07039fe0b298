package com.firesync.provider.resilience;

import com.firesync.provider.BankingProvider;
import com.firesync.provider.ConnectionHealth;
import com.firesync.provider.ProviderAccount;
import com.firesync.provider.ProviderConnection;
import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderFailure;
import com.firesync.provider.ProviderToken;
import com.firesync.provider.ProviderUser;
import com.firesync.provider.TransactionPage;
import com.firesync.provider.TransactionQuery;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * A provider whose next calls fail as scripted, then succeed; it counts calls per operation. A listing hands over
 * {@link #pagesBeforeFailure} pages before a scripted failure, and two pages when it succeeds.
 */
final class FakeProvider implements BankingProvider {

    private final Queue<ProviderFailure> failures = new ConcurrentLinkedQueue<>();

    private final Map<String, Integer> calls = new ConcurrentHashMap<>();

    private volatile int pagesBeforeFailure;

    FakeProvider failing(ProviderFailure... next) {
        failures.addAll(List.of(next));
        return this;
    }

    FakeProvider deliveringBeforeFailure(int pages) {
        this.pagesBeforeFailure = pages;
        return this;
    }

    int calls(String operation) {
        return calls.getOrDefault(operation, 0);
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public ZoneId zone() {
        return ZoneId.of("Europe/Paris");
    }

    @Override
    public ProviderUser createUser() {
        attempt("createUser");
        return new ProviderUser("1", new ProviderToken("t"));
    }

    @Override
    public ProviderToken renewToken(String providerUserId, boolean revokePrevious) {
        attempt("renewToken");
        return new ProviderToken("renewed");
    }

    @Override
    public void revokeToken(ProviderToken token) {
        attempt("revokeToken");
    }

    @Override
    public URI connectUrl(ProviderToken token, String state, URI redirectUri) {
        attempt("connectUrl");
        return URI.create("https://webview.test/connect");
    }

    @Override
    public URI reconnectUrl(ProviderToken token, String connectionId, String state, URI redirectUri) {
        attempt("reconnectUrl");
        return URI.create("https://webview.test/reconnect");
    }

    @Override
    public List<ProviderConnection> connections(ProviderToken token) {
        attempt("connections");
        return List.of(connection());
    }

    @Override
    public ProviderConnection connection(ProviderToken token, String connectionId) {
        attempt("connection");
        return connection();
    }

    @Override
    public ProviderConnection refreshConnection(ProviderToken token, String connectionId) {
        attempt("refreshConnection");
        return connection();
    }

    @Override
    public List<ProviderAccount> accounts(ProviderToken token) {
        attempt("accounts");
        return List.of();
    }

    @Override
    public long transactions(ProviderToken token, TransactionQuery query, Consumer<TransactionPage> pages) {
        calls.merge("transactions", 1, Integer::sum);
        ProviderFailure failure = failures.poll();
        int count = failure == null ? 2 : pagesBeforeFailure;
        for (int number = 1; number <= count; number++) {
            pages.accept(new TransactionPage(number, List.of(), failure == null && number == count));
        }
        if (failure != null) {
            throw new ProviderException("transactions", failure);
        }
        return 0;
    }

    @Override
    public void deleteConnection(ProviderToken token, String connectionId) {
        attempt("deleteConnection");
    }

    @Override
    public void deleteUser(String providerUserId, ProviderToken token) {
        attempt("deleteUser");
    }

    private void attempt(String operation) {
        calls.merge(operation, 1, Integer::sum);
        ProviderFailure failure = failures.poll();
        if (failure != null) {
            throw new ProviderException(operation, failure);
        }
    }

    private static ProviderConnection connection() {
        return new ProviderConnection("7", null, "Bank", null, ConnectionHealth.OK, null, null);
    }
}
