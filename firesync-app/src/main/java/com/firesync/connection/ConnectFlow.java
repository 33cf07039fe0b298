package com.firesync.connection;

import com.fasterxml.jackson.annotation.JsonValue;
import com.firesync.connection.ProviderIdentities.Identity;
import com.firesync.provider.AuthorizedSession;
import com.firesync.provider.BankingProvider;
import com.firesync.provider.BankingProviders;
import com.firesync.provider.ProviderBank;
import com.firesync.provider.ProviderConnection;
import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderFailure;
import com.firesync.provider.ProviderToken;
import com.firesync.shared.ApiException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links banks through the provider's webview or authorisation page: hands out connect and reconnect links, and
 * completes the browser's callback, storing the new connections once and announcing them so that their first sync
 * starts. Each provider has its own callback route, {@code /api/auth/<provider>/callback}.
 */
@Service
public class ConnectFlow {

    private static final String POWENS = BankingProviders.POWENS;

    private static final Logger log = LoggerFactory.getLogger(ConnectFlow.class);

    private final ProviderIdentities identities;

    private final TokenRotation rotation;

    private final ConnectStates states;

    private final Connections connections;

    private final BankingProviders providers;

    private final ConnectSettings settings;

    private final Environment environment;

    private final TransactionTemplate transactions;

    private final ApplicationEventPublisher events;

    private final ConnectionLifecycle lifecycle;

    private final Clock clock;

    ConnectFlow(ProviderIdentities identities, ConnectStates states, Connections connections,
            BankingProviders providers,
            ConnectSettings settings, Environment environment, TransactionTemplate transactions,
            ApplicationEventPublisher events, ConnectionLifecycle lifecycle, TokenRotation rotation, Clock clock) {
        this.identities = identities;
        this.rotation = rotation;
        this.states = states;
        this.connections = connections;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.providers = providers;
        this.settings = settings;
        this.environment = environment;
        this.transactions = transactions;
        this.events = events;
    }

    /**
     * A webview link where the user links a new bank; creates the user's provider identity on first use.
     */
    public ConnectLink connect(long userId) {
        Identity identity = call(() -> identities.obtain(userId, POWENS));
        String state = states.create(userId, POWENS, Flow.CONNECT, null);
        return new ConnectLink(call(() -> providers.get(POWENS).connectUrl(identity.token(), state,
                callbackUri(POWENS))), states.expiry());
    }

    /**
     * A link where the user authorises FireSync to read one named bank, for providers that link one bank per
     * authorisation (Enable Banking).
     *
     * @throws ApiException 404 when the provider is not configured, 400 when it does not know the bank
     */
    public ConnectLink connect(long userId, String provider, String bank, String country) {
        BankingProvider chosen = configured(provider);
        Identity identity = call(() -> identities.obtain(userId, provider));
        String state = states.create(userId, provider, Flow.CONNECT, null);
        URI url;
        try {
            url = chosen.connectUrl(identity.token(), state, callbackUri(provider), bank, country);
        } catch (ProviderException e) {
            if (e.failure() instanceof ProviderFailure.Permanent refused && refused.code().equals("unknown_bank")) {
                throw ApiException.invalidParameter("bank", "is not a bank of " + country + " at " + provider);
            }
            throw providerUnavailable(e);
        }
        return new ConnectLink(url, states.expiry());
    }

    /**
     * Completes an authorisation callback: the state is used up first, then the code is exchanged for the
     * connection and its access, stored encrypted.
     *
     * @throws ApiException 400 for an unknown, expired or used state, or a callback with neither code nor error
     */
    public CallbackOutcome authorized(String provider, String state, @Nullable String code, @Nullable String error,
            @Nullable String errorDescription) {
        BankingProvider chosen = configured(provider);
        ConnectState consumed = states.consume(state, provider);
        if (error != null || code == null || code.isBlank()) {
            String reason = error != null ? error : "missing_code";
            states.recordOutcome(consumed.id(), ConnectStates.Outcome.ERROR, reason, errorDescription);
            log.info("Authorisation at {} for user {} ended with error {}", provider, consumed.userId(), reason);
            return CallbackOutcome.failed(consumed.flow(), reason, errorDescription);
        }
        Identity identity = identities.find(consumed.userId(), provider)
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "invalid_state", "No provider user."));
        AuthorizedSession session = call(() -> chosen.authorize(code));
        if (consumed.flow() == Flow.RECONNECT && consumed.connectionId() != null) {
            return renewed(chosen, consumed, consumed.connectionId(), session);
        }
        return transactions.execute(tx -> {
            List<Long> ids = new ArrayList<>();
            connections.link(consumed.userId(), identity.id(), provider, session.connection()).ifPresent(linked -> {
                ids.add(linked.id());
                identities.storeAccess(linked.id(), session.access());
                if (linked.created()) {
                    events.publishEvent(new ConnectionLinked(linked.id(), consumed.userId(), false));
                }
            });
            states.recordOutcome(consumed.id(), ConnectStates.Outcome.LINKED, null, null);
            log.info("User {} linked connections {} at {}", consumed.userId(), ids, provider);
            return CallbackOutcome.linked(consumed.flow(), ids);
        });
    }

    /**
     * The configured providers' names.
     */
    public List<String> providers() {
        return providers.names();
    }

    /**
     * The banks a provider lets the user pick before linking (none for a provider whose webview offers them).
     *
     * @throws ApiException 404 when the provider is not configured, 502 when it does not answer
     */
    public List<ProviderBank> banks(String provider, @Nullable String country) {
        BankingProvider chosen = configured(provider);
        return call(() -> chosen.banks(country));
    }

    private BankingProvider configured(String provider) {
        return providers.find(provider).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "provider_not_configured", "The provider " + provider + " is not configured."));
    }

    /**
     * A link where the user repairs one of their connections or renews its consent, keeping the same FireSync
     * connection: the provider's webview reconnect flow (Powens), or a new authorisation at the connection's bank
     * (Enable Banking: its bank, or the one named here), whose callback re-links the connection.
     *
     * @param bank the bank to authorise again, with {@code country}; {@code null} for the connection's own
     * @throws ApiException 404 when the connection is not the user's or not the provider's
     */
    public ConnectLink reconnect(long userId, String provider, long connectionId, @Nullable String bank,
            @Nullable String country) {
        BankingProvider chosen = configured(provider);
        String providerId = connections.providerId(userId, connectionId, provider)
                .orElseThrow(() -> ApiException.notFound("connection"));
        Identity identity = call(() -> identities.obtain(userId, provider));
        String state = states.create(userId, provider, Flow.RECONNECT, connectionId);
        URI callback = callbackUri(provider);
        if (bank != null && country != null) {
            return new ConnectLink(call(() -> chosen.connectUrl(identity.token(), state, callback, bank, country)),
                    states.expiry());
        }
        var access = identities.accessOfConnection(connectionId)
                .orElseThrow(() -> ApiException.notFound("connection"));
        URI url;
        try {
            url = chosen.reconnectUrl(access.token(), providerId, state, callback);
        } catch (ProviderException e) {
            if (!(e.failure() instanceof ProviderFailure.AuthInvalid) || access.own()) {
                throw providerUnavailable(e);
            }
            // the provider revoked the user's token: a new one for the same provider user reaches the connection
            ProviderToken renewed = call(() -> rotation.replaceRefused(identity.id()));
            url = call(() -> chosen.reconnectUrl(renewed, providerId, state, callback));
        }
        return new ConnectLink(url, states.expiry());
    }

    /**
     * Completes a webview callback. The state is used up first, so a replayed callback is refused and links nothing.
     *
     * @throws ApiException 400 for an unknown, expired or used state, or connection ids that are not ids
     */
    public CallbackOutcome complete(String state, @Nullable String connectionIds, @Nullable String error,
            @Nullable String errorDescription) {
        ConnectState consumed = states.consume(state, POWENS);
        if (error != null) {
            states.recordOutcome(consumed.id(), ConnectStates.Outcome.ERROR, error, errorDescription);
            log.info("Webview {} for user {} ended with error {}", consumed.flow().code(), consumed.userId(), error);
            return CallbackOutcome.failed(consumed.flow(), error, errorDescription);
        }
        Identity identity = identities.find(consumed.userId(), POWENS)
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "invalid_state", "No provider user."));
        if (consumed.flow() == Flow.RECONNECT && consumed.connectionId() != null) {
            return reconnected(consumed, consumed.connectionId());
        }
        List<ProviderConnection> found = new ArrayList<>();
        for (String id : parseIds(connectionIds)) {
            found.add(call(() -> providers.get(POWENS).connection(identity.token(), id)));
        }
        return linked(consumed, identity, found);
    }

    private CallbackOutcome linked(ConnectState state, Identity identity, List<ProviderConnection> found) {
        return transactions.execute(tx -> {
            List<Long> ids = new ArrayList<>();
            for (ProviderConnection connection : found) {
                connections.link(state.userId(), identity.id(), POWENS, connection).ifPresent(linked -> {
                    ids.add(linked.id());
                    if (linked.created()) {
                        events.publishEvent(new ConnectionLinked(linked.id(), state.userId(), false));
                    }
                });
            }
            states.recordOutcome(state.id(), ConnectStates.Outcome.LINKED, null, null);
            log.info("User {} linked connections {}", state.userId(), ids);
            return CallbackOutcome.linked(state.flow(), ids);
        });
    }

    /**
     * The same connection reads on through the new authorisation: its provider id, access and consent expiry are
     * the new session's; its accounts are matched to the new session's by the next sync (see the ledger's account
     * identities). The session it read through before is ended at the provider once the new one is stored: renewed
     * before its consent ended, it would otherwise go on granting access to the user's accounts until then.
     */
    private CallbackOutcome renewed(BankingProvider provider, ConnectState state, long connectionId,
            AuthorizedSession session) {
        var before = lifecycle.snapshot(connectionId)
                .flatMap(connection -> identities.accessOfConnection(connectionId)
                        .filter(access -> access.own() && !access.token().value().equals(session.access().value()))
                        .map(access -> new EndedSession(access.provider(), access.token(),
                                connection.providerConnectionId())));
        CallbackOutcome outcome = Objects.requireNonNull(transactions.execute(tx -> {
            if (!connections.renew(state.userId(), connectionId, session.connection())) {
                throw new ApiException(HttpStatus.CONFLICT, "connection_disabled",
                        "This connection can no longer be renewed; link the bank again.");
            }
            identities.storeAccess(connectionId, session.access());
            return reconnected(state, connectionId);
        }));
        before.ifPresent(ended -> {
            try {
                provider.deleteConnection(ended.access(), ended.providerId());
            } catch (ProviderException e) {
                // it lapses with its consent all the same
                log.warn("The previous session of connection {} was not ended at {}: {}", connectionId,
                        ended.provider(), e.failure().code());
            }
        });
        return outcome;
    }

    /** A connection's access before its renewal, and the provider's id of the connection it read. */
    private record EndedSession(String provider, ProviderToken access, String providerId) {
    }

    private CallbackOutcome reconnected(ConnectState state, long connectionId) {
        return transactions.execute(tx -> {
            if (!lifecycle.reconnected(connectionId, clock.instant())) {
                throw new ApiException(HttpStatus.CONFLICT, "connection_disabled",
                        "This connection can no longer be repaired; link the bank again.");
            }
            events.publishEvent(new ConnectionLinked(connectionId, state.userId(), true));
            states.recordOutcome(state.id(), ConnectStates.Outcome.RECONNECTED, null, null);
            log.info("User {} reconnected connection {}", state.userId(), connectionId);
            return CallbackOutcome.linked(state.flow(), List.of(connectionId));
        });
    }

    private static Set<String> parseIds(@Nullable String raw) {
        Set<String> ids = new LinkedHashSet<>();
        if (raw != null) {
            for (String part : raw.split(",")) {
                String id = part.strip();
                if (!id.matches("[1-9][0-9]{0,17}")) {
                    throw ApiException.invalidParameter("connection_ids", "must be a comma-separated list of ids");
                }
                ids.add(id);
            }
        }
        if (ids.isEmpty() || ids.size() > 50) {
            throw ApiException.invalidParameter("connection_id", "must name between 1 and 50 connections");
        }
        return ids;
    }

    URI callbackUri(String provider) {
        URI base = settings.publicUrl();
        if (base == null) {
            // the settings always hold server.port, defaulted there (SERVER_PORT)
            String port = environment.getProperty("local.server.port", environment.getRequiredProperty("server.port"));
            base = URI.create("http://localhost:" + port);
        }
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + "/api/auth/"
                + provider + "/callback");
    }

    private static <T> T call(java.util.function.Supplier<T> providerCall) {
        try {
            return providerCall.get();
        } catch (ProviderException e) {
            throw providerUnavailable(e);
        }
    }

    private static ApiException providerUnavailable(ProviderException e) {
        log.warn("Provider call failed: {}", e.getMessage());
        return new ApiException(HttpStatus.BAD_GATEWAY, "provider_unavailable",
                "The bank aggregator did not answer as expected (" + e.failure().code() + "); try again later.");
    }

    /**
     * A webview link and until when it works.
     */
    public record ConnectLink(URI url, Instant expiresAt) {
    }

    /**
     * What a callback did.
     *
     * @param flow a new link or a repair
     * @param outcome whether it linked or repaired connections, or ended in an error
     * @param connectionIds FireSync's ids of the connections linked or repaired
     * @param error the provider's error code, for an error callback
     * @param errorDescription the provider's description of the error
     */
    public record CallbackOutcome(Flow flow, Result outcome, List<Long> connectionIds, @Nullable String error,
            @Nullable String errorDescription) {

        static CallbackOutcome linked(Flow flow, List<Long> ids) {
            return new CallbackOutcome(flow, Result.LINKED, List.copyOf(ids), null, null);
        }

        static CallbackOutcome failed(Flow flow, String error, @Nullable String description) {
            return new CallbackOutcome(flow, Result.ERROR, List.of(), error, description);
        }

        /**
         * How a callback ended; serialised as {@code linked} or {@code error}.
         */
        public enum Result {

            /** Connections were linked or repaired. */
            LINKED,

            /** The webview sent the user back with an error. */
            ERROR;

            @JsonValue
            public String code() {
                return name().toLowerCase(Locale.ROOT);
            }
        }
    }

    /**
     * Which webview flow a link starts; serialised, and stored, as {@code connect} or {@code reconnect}.
     */
    public enum Flow {

        /** Links new banks. */
        CONNECT,

        /** Repairs one connection (new credentials, SCA, consent renewal). */
        RECONNECT;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Flow of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
