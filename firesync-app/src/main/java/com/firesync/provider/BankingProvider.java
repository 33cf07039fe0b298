package com.firesync.provider;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * What FireSync needs from an open-banking aggregator. Every method either answers or throws a
 * {@link ProviderException} whose {@link ProviderException#failure() failure} says what to do next; every call has a
 * time limit. Implementations do not retry: retries, backoff and rate limiting belong to the caller, which knows
 * which calls are safe to repeat.
 */
public interface BankingProvider {

    /**
     * The code of the permanent failure a provider with an {@link #unattendedBudget() unattended budget} throws when
     * a call would break it: nothing was sent.
     */
    String QUOTA_EXHAUSTED = "quota_exhausted";

    /**
     * The provider's name as FireSync stores it ({@code powens}).
     */
    String name();

    /**
     * The zone of the provider's calendar: the day its date filters and booking dates mean by "today" (Powens:
     * Europe/Paris).
     */
    ZoneId zone();

    /**
     * Whether the provider's pending rows keep their id when they book, and how long they take to book when they do
     * not; the ledger matches them to their booked selves accordingly. Stable by default.
     */
    default PendingRows pendingRows() {
        return PendingRows.STABLE;
    }

    /**
     * Creates a user at the provider and returns its permanent token. Never retry this call automatically: when it
     * times out or fails with a 5xx the user may exist anyway, and a second call creates a second, orphaned user.
     */
    ProviderUser createUser();

    /**
     * Issues a new permanent token for an existing provider user (lost token, rotation), optionally revoking the
     * previous ones.
     */
    ProviderToken renewToken(String providerUserId, boolean revokePrevious);

    /**
     * Revokes a token: it stops working at once.
     */
    void revokeToken(ProviderToken token);

    /**
     * The URL where the user's browser links a new bank. It carries a short-lived single-use code minted for
     * {@code token}, never the token itself.
     *
     * @param state an opaque value echoed on the callback (FireSync's CSRF and correlation token)
     * @param redirectUri where the provider sends the browser back; must be registered at the provider
     */
    URI connectUrl(ProviderToken token, String state, URI redirectUri);

    /**
     * The URL where the user's browser repairs an existing connection or renews its consent, so that the same
     * FireSync connection reads on. Powens repairs the connection in place (its webview's reconnect flow, which keeps
     * the connection's id); Enable Banking authorises the same bank again, and its callback's
     * {@link #authorize(String)} answers a new session that replaces the connection's access and provider id.
     *
     * @param token what reads the connection: its own access where the provider keeps one per connection (an Enable
     *        Banking session), else the user's token
     * @param connectionId the provider's id of the connection
     */
    URI reconnectUrl(ProviderToken token, String connectionId, String state, URI redirectUri);

    /**
     * All the user's connections with their state.
     */
    List<ProviderConnection> connections(ProviderToken token);

    /**
     * One connection with its state.
     */
    ProviderConnection connection(ProviderToken token, String connectionId);

    /**
     * Asks the provider to refresh a connection from the bank now. Call it only when a user asked for fresh data for
     * that connection: the provider's fair-usage policy forbids forced refreshes in bulk or on a schedule.
     *
     * @return the connection after the refresh request (its state tells whether the bank answered)
     */
    ProviderConnection refreshConnection(ProviderToken token, String connectionId);

    /**
     * One connection's state and all its accounts, in one call where the provider allows it: what a sync reads first,
     * so that a connection waiting for the user is noticed even while its data still reads.
     */
    default ConnectionAccounts connectionWithAccounts(ProviderToken token, String connectionId) {
        ProviderConnection connection = connection(token, connectionId);
        return new ConnectionAccounts(connection,
                accounts(token).stream().filter(account -> account.connectionId().equals(connectionId)).toList());
    }

    /**
     * All the user's accounts, disabled and deleted ones included; an empty list when the user has none.
     */
    List<ProviderAccount> accounts(ProviderToken token);

    /**
     * Reads the matching transactions page by page, handing each page to {@code pages} before fetching the next, so
     * that the caller can commit as it goes and never holds the whole history in memory. A failure on page N leaves
     * pages 1 to N-1 delivered; an exception thrown by {@code pages} stops the listing.
     *
     * @return how many transactions were delivered
     */
    long transactions(ProviderToken token, TransactionQuery query, Consumer<TransactionPage> pages);

    /**
     * Deletes one of the user's connections at the provider, with its accounts and transactions: the provider stops
     * billing it. A connection the provider no longer knows (already deleted) counts as deleted.
     */
    void deleteConnection(ProviderToken token, String connectionId);

    /**
     * Deletes the provider's user, with all its connections and data; its tokens stop working. A token the provider
     * refuses (revoked some other way) does not mean the user is gone: the adapter gets a new one for that user and
     * deletes with it. Only a user the provider no longer knows counts as deleted.
     *
     * @param providerUserId the provider's id of the user
     * @param token the user's token as FireSync holds it
     */
    void deleteUser(String providerUserId, ProviderToken token);

    /**
     * The banks of a country the user may pick before linking, for providers that ask FireSync to name the bank
     * (Enable Banking); an empty list for those whose own webview lets the user pick (Powens).
     *
     * @param country an ISO 3166 alpha-2 country code, or {@code null} for every country
     */
    default List<ProviderBank> banks(@Nullable String country) {
        return List.of();
    }

    /**
     * The URL where the user's browser authorises FireSync to read one named bank, for providers that link one bank
     * per authorisation (Enable Banking). The callback then carries a code for {@link #authorize(String)}.
     *
     * @throws ProviderException a permanent {@code unsupported} failure for providers that do not link so
     */
    default URI connectUrl(ProviderToken token, String state, URI redirectUri, String bank, String country) {
        throw new ProviderException(name() + " connect", new ProviderFailure.Permanent("unsupported"));
    }

    /**
     * Exchanges the code of an authorisation callback for the connection it authorised and the access that reads it.
     * Never retried automatically: a code is single-use.
     *
     * @throws ProviderException a permanent {@code unsupported} failure for providers that do not link so
     */
    default AuthorizedSession authorize(String code) {
        throw new ProviderException(name() + " authorize", new ProviderFailure.Permanent("unsupported"));
    }

    /**
     * This provider acting for a user who is present and asked for fresh data: providers limiting unattended reads
     * tell the bank so (Enable Banking's PSU headers), and their reads do not count against that limit. Providers
     * without such a limit answer themselves.
     */
    default BankingProvider attendedBy(PresentUser user) {
        return this;
    }

    /**
     * The provider's limit on reads made without the user, for providers that have one (Enable Banking); empty for
     * those that do not (Powens). A provider with a budget takes each unattended call from {@link UnattendedCalls}
     * before sending it and fails with a permanent {@link #QUOTA_EXHAUSTED} failure rather than break the limit.
     */
    default Optional<UnattendedBudget> unattendedBudget() {
        return Optional.empty();
    }
}
