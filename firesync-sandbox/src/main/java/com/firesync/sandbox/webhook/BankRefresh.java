package com.firesync.sandbox.webhook;

import com.firesync.sandbox.json.PowensJson;
import com.firesync.sandbox.world.Clocks;
import com.firesync.sandbox.world.LedgerAccount;
import com.firesync.sandbox.world.LedgerTransaction;
import com.firesync.sandbox.world.SandboxConnection;
import com.firesync.sandbox.world.SandboxWorld;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A simulated bank refresh of one connection: counts the sync (which may trip SCA), then sends a
 * {@code CONNECTION_SYNCED} webhook carrying the transactions new or changed since the connection's previous one.
 */
public final class BankRefresh implements AutoCloseable {

    private final SandboxWorld world;

    private final PowensJson json;

    private final JsonMapper mapper;

    private final WebhookSender sender;

    /**
     * A refresh whose webhooks go to {@code target} when it gives a URL, signed with {@code secret}.
     */
    public static BankRefresh create(SandboxWorld world, PowensJson json, JsonMapper mapper,
            Supplier<Optional<URI>> target, String secret, Clock clock, int maxAttempts, Duration backoff) {
        return new BankRefresh(world, json, mapper,
                new WebhookSender(target, new WebhookSignature(secret), clock, maxAttempts, backoff));
    }

    BankRefresh(SandboxWorld world, PowensJson json, JsonMapper mapper, WebhookSender sender) {
        this.world = world;
        this.json = json;
        this.mapper = mapper;
        this.sender = sender;
    }

    /** Refreshes a connection; false when the sync failed (SCA required). */
    public boolean refresh(SandboxConnection connection) {
        boolean synced = connection.sync(world.now());
        report(connection);
        return synced;
    }

    /**
     * The aggregator's first sync of a new or reconnected connection: reported by webhook, not counted as a sync.
     */
    public void firstSync(SandboxConnection connection) {
        report(connection);
    }

    /**
     * Sends the changes since the last delivered webhook; they count as delivered only on a 2xx, so rows of a webhook
     * that was given up on are sent again after the next refresh, as Powens does.
     */
    private void report(SandboxConnection connection) {
        if (sender.configured()) {
            Instant dataAt = connection.dataInstant(world.now());
            sender.send(() -> payload(connection, dataAt), () -> connection.webhookSent(dataAt));
        }
    }

    /** The {@code CONNECTION_SYNCED} body: the connection at {@code dataAt}, with rows changed since the last one. */
    String payload(SandboxConnection connection, Instant dataAt) {
        Instant since = connection.lastWebhook();
        List<LedgerTransaction> changed = changedSince(connection, dataAt, since);
        ArrayNode accounts = mapper.createArrayNode();
        for (LedgerAccount account : world.accounts(connection, dataAt)) {
            ObjectNode node = mapper.valueToTree(json.account(account));
            ArrayNode transactions = node.putArray("transactions");
            changed.stream()
                    .filter(row -> row.accountId() == account.id())
                    .forEach(row -> transactions.add(mapper.<ObjectNode>valueToTree(json.transaction(row))));
            accounts.add(node);
        }
        ObjectNode body = mapper.createObjectNode();
        body.putObject("user").put("id", connection.userId());
        ObjectNode node = mapper.valueToTree(json.connection(connection, true, null, null));
        node.set("accounts", accounts);
        body.set("connection", node);
        return mapper.writeValueAsString(body);
    }

    private List<LedgerTransaction> changedSince(SandboxConnection connection, Instant dataAt,
            @Nullable Instant since) {
        LocalDate today = Clocks.parisDate(dataAt);
        List<LedgerTransaction> changed = new ArrayList<>(since == null
                ? world.transactions(connection, dataAt, world.firstDay(connection), today)
                : world.changedAfter(connection, dataAt, since, world.firstDay(connection), today));
        changed.sort(SandboxWorld.NEWEST_FIRST);
        return changed;
    }

    @Override
    public void close() {
        sender.close();
    }
}
