package com.firesync.provider.resilience;

import com.firesync.provider.AuthorizedSession;
import com.firesync.provider.BankingProvider;
import com.firesync.provider.ConnectionAccounts;
import com.firesync.provider.PendingRows;
import com.firesync.provider.PresentUser;
import com.firesync.provider.ProviderAccount;
import com.firesync.provider.ProviderBank;
import com.firesync.provider.ProviderCallGate;
import com.firesync.provider.ProviderConnection;
import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderToken;
import com.firesync.provider.ProviderUser;
import com.firesync.provider.TransactionPage;
import com.firesync.provider.TransactionQuery;
import com.firesync.provider.UnattendedBudget;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A provider whose operations are retried where repeating them is safe. Rate limit and concurrency bound are not
 * applied here but by the client on each HTTP request (see {@link ProviderCallGate}), so that a retry or a further
 * transaction page waits its turn like any other request.
 */
final class GuardedProvider implements BankingProvider, AutoCloseable {

    private final BankingProvider provider;

    private final Retrying retrying;

    private final ProviderCallGate forcedRefreshes;

    /**
     * @param forcedRefreshes admits one forced refresh at a time: Powens' fair usage wants them one user at a time
     */
    GuardedProvider(BankingProvider provider, Retrying retrying, ProviderCallGate forcedRefreshes) {
        this.provider = provider;
        this.retrying = retrying;
        this.forcedRefreshes = forcedRefreshes;
    }

    @Override
    public String name() {
        return provider.name();
    }

    @Override
    public ZoneId zone() {
        return provider.zone();
    }

    @Override
    public PendingRows pendingRows() {
        return provider.pendingRows();
    }

    /**
     * {@inheritDoc} Never retried: a lost answer does not tell whether the user was created.
     */
    @Override
    public ProviderUser createUser() {
        return provider.createUser();
    }

    /**
     * {@inheritDoc} Retried only when the previous tokens are revoked: otherwise a lost answer would leave a valid
     * token nobody holds.
     */
    @Override
    public ProviderToken renewToken(String providerUserId, boolean revokePrevious) {
        if (!revokePrevious) {
            return provider.renewToken(providerUserId, false);
        }
        return retrying.call(() -> provider.renewToken(providerUserId, true));
    }

    @Override
    public void revokeToken(ProviderToken token) {
        retrying.call(() -> {
            provider.revokeToken(token);
            return token;
        });
    }

    @Override
    public URI connectUrl(ProviderToken token, String state, URI redirectUri) {
        return retrying.call(() -> provider.connectUrl(token, state, redirectUri));
    }

    @Override
    public URI reconnectUrl(ProviderToken token, String connectionId, String state, URI redirectUri) {
        return retrying.call(() -> provider.reconnectUrl(token, connectionId, state, redirectUri));
    }

    @Override
    public List<ProviderConnection> connections(ProviderToken token) {
        return retrying.call(() -> provider.connections(token));
    }

    @Override
    public ProviderConnection connection(ProviderToken token, String connectionId) {
        return retrying.call(() -> provider.connection(token, connectionId));
    }

    /**
     * {@inheritDoc} Never retried (a repeated forced refresh is what the fair-usage policy forbids), and one at a
     * time per provider.
     */
    @Override
    public ProviderConnection refreshConnection(ProviderToken token, String connectionId) {
        return forcedRefreshes.call("Forced refresh", () -> provider.refreshConnection(token, connectionId));
    }

    @Override
    public ConnectionAccounts connectionWithAccounts(ProviderToken token, String connectionId) {
        return retrying.call(() -> provider.connectionWithAccounts(token, connectionId));
    }

    @Override
    public List<ProviderAccount> accounts(ProviderToken token) {
        return retrying.call(() -> provider.accounts(token));
    }

    /**
     * {@inheritDoc} Retried only while no page was handed over: after that the failure goes back to the caller,
     * whose cursor only moved past what it committed, so that its next sync resumes without reading a page twice.
     */
    @Override
    public long transactions(ProviderToken token, TransactionQuery query, Consumer<TransactionPage> pages) {
        AtomicBoolean delivered = new AtomicBoolean();
        try {
            return retrying.call(() -> {
                try {
                    return provider.transactions(token, query, page -> {
                        delivered.set(true);
                        pages.accept(page);
                    });
                } catch (ProviderException e) {
                    if (delivered.get()) {
                        throw new AfterDelivery(e);
                    }
                    throw e;
                }
            });
        } catch (AfterDelivery e) {
            throw e.failure;
        }
    }

    /**
     * {@inheritDoc} Not retried here: the deletion job retries it until done, with a backoff that outlives a restart.
     */
    @Override
    public void deleteConnection(ProviderToken token, String connectionId) {
        provider.deleteConnection(token, connectionId);
    }

    /**
     * {@inheritDoc} Not retried here: the erasure job retries it until done.
     */
    @Override
    public void deleteUser(String providerUserId, ProviderToken token) {
        provider.deleteUser(providerUserId, token);
    }

    @Override
    public List<ProviderBank> banks(@Nullable String country) {
        return retrying.call(() -> provider.banks(country));
    }

    /**
     * {@inheritDoc} Not retried: each attempt starts an authorisation at the provider.
     */
    @Override
    public URI connectUrl(ProviderToken token, String state, URI redirectUri, String bank, String country) {
        return provider.connectUrl(token, state, redirectUri, bank, country);
    }

    /**
     * {@inheritDoc} Never retried: the code is single-use.
     */
    @Override
    public AuthorizedSession authorize(String code) {
        return provider.authorize(code);
    }

    @Override
    public BankingProvider attendedBy(PresentUser user) {
        BankingProvider attended = provider.attendedBy(user);
        return attended == provider ? this : new GuardedProvider(attended, retrying, forcedRefreshes);
    }

    @Override
    public Optional<UnattendedBudget> unattendedBudget() {
        return provider.unattendedBudget();
    }

    @Override
    public void close() throws Exception {
        if (provider instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /**
     * Carries a failure past the retry, which only retries {@link ProviderException}s.
     */
    private static final class AfterDelivery extends RuntimeException {

        private final ProviderException failure;

        AfterDelivery(ProviderException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }
}
