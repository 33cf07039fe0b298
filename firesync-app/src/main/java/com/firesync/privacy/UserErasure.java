package com.firesync.privacy;

import com.firesync.connection.ProviderIdentities;
import com.firesync.ledger.Transfers;
import com.firesync.provider.BankingProvider;
import com.firesync.provider.BankingProviders;
import com.firesync.shared.ApiException;
import com.firesync.shared.DbTime;
import com.firesync.user.UserAccounts;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases a user: their tokens stop working and their connections vanish from the API at once; the job then deletes
 * the user at the provider (with all their connections there) and every row about them in FireSync.
 */
@Service
public class UserErasure {

    private static final Logger log = LoggerFactory.getLogger(UserErasure.class);

    private final JdbcClient jdbc;

    private final UserAccounts users;

    private final DeletionQueue queue;

    private final ProviderIdentities identities;

    private final BankingProviders providers;

    private final Remnants remnants;

    private final TransactionTemplate transactions;

    private final Clock clock;

    private final Transfers transfers;

    UserErasure(JdbcClient jdbc, UserAccounts users, DeletionQueue queue, ProviderIdentities identities,
            BankingProviders providers, Remnants remnants, TransactionTemplate transactions, Clock clock,
            Transfers transfers) {
        this.transfers = transfers;
        this.jdbc = jdbc;
        this.users = users;
        this.queue = queue;
        this.identities = identities;
        this.providers = providers;
        this.remnants = remnants;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Starts erasing a user: their tokens are revoked (refused at once on this instance), their connections marked
     * as being deleted (never synced again), their pending connect attempts dropped.
     *
     * @throws ApiException 404 when there is no such user, 409 for an admin
     */
    @Transactional
    public DeletionStarted request(long userId) {
        users.startErasure(userId);
        Instant now = clock.instant();
        jdbc.sql("UPDATE connections SET deleting_since = :now WHERE user_id = :user AND deleting_since IS NULL")
                .param("now", DbTime.param(now))
                .param("user", userId)
                .update();
        jdbc.sql("DELETE FROM connect_states WHERE user_id = :user").param("user", userId).update();
        queue.eraseUser(userId);
        return DeletionStarted.of(userId, false);
    }

    /**
     * Finishes an erasure: the provider's user (see {@link BankingProvider#deleteUser}: a refused token is renewed
     * first; only a user the provider no longer knows is gone there), then every row about the user. Run by the erasure job; a failure is retried later.
     *
     * @throws ConnectionBusyException while a sync that started before the erasure still holds one of the user's
     *         connections
     */
    public void complete(long userId) {
        if (!erasing(userId)) {
            return;
        }
        List<Connection> connections = connections(userId);
        for (Connection connection : connections) {
            if (connection.claimedUntil() != null && connection.claimedUntil().isAfter(clock.instant())) {
                throw new ConnectionBusyException(connection.id());
            }
        }
        // connections with an access of their own (Enable Banking sessions) are ended one by one, then each
        // provider's user with everything it still holds
        for (Connection connection : connections) {
            identities.accessOfConnection(connection.id())
                    .filter(ProviderIdentities.ConnectionAccess::own)
                    .ifPresent(access -> providers.get(access.provider())
                            .deleteConnection(access.token(), connection.providerId()));
        }
        Map<String, String> providerUsers = providerUserIds(userId);
        providerUsers.forEach((provider, ref) -> identities.tokenOfUser(userId, provider)
                .ifPresent(token -> providers.get(provider).deleteUser(ref, token)));
        String providerUser = providerUsers.get(BankingProviders.POWENS);
        Set<String> providerConnections = new HashSet<>();
        connections.forEach(connection -> providerConnections.add(connection.providerId()));
        List<Long> connectionIds = connections.stream().map(Connection::id).toList();
        transactions.executeWithoutResult(status -> {
            // first, as the analytics worker's marking of transfers does: the rows it marks go with the user
            transfers.hold(userId);
            List<Long> webhooks = remnants.deleteWebhooks(providerConnections, providerUser);
            remnants.deleteEvents(connectionIds, webhooks, userId);
            // everything else about the user references the row and goes with it
            jdbc.sql("DELETE FROM users WHERE id = :id").param("id", userId).update();
        });
        connectionIds.forEach(queue::forgetConnection);
        log.info("User {} erased at the provider and in FireSync ({} connections)", userId, connectionIds.size());
    }

    private boolean erasing(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE id = :id AND erasing_since IS NOT NULL")
                .param("id", userId)
                .query(Long.class)
                .single() > 0;
    }

    private Map<String, String> providerUserIds(long userId) {
        Map<String, String> ids = new LinkedHashMap<>();
        jdbc.sql("SELECT provider, provider_user_id FROM provider_users WHERE user_id = :user")
                .param("user", userId)
                .query((rs, row) -> ids.put(rs.getString("provider"), rs.getString("provider_user_id")))
                .list();
        return ids;
    }

    private List<Connection> connections(long userId) {
        return jdbc.sql("SELECT id, provider_connection_id, sync_claimed_until FROM connections WHERE user_id = :user")
                .param("user", userId)
                .query((rs, row) -> new Connection(rs.getLong("id"), rs.getString("provider_connection_id"),
                        DbTime.read(rs, "sync_claimed_until")))
                .list();
    }

    private record Connection(long id, String providerId, @Nullable Instant claimedUntil) {
    }
}
