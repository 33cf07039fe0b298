package com.firesync.provider.powens;

import com.firesync.provider.ProviderAccount;
import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderFailure;
import com.firesync.provider.ProviderTransaction;
import com.firesync.provider.WebhookEvent;
import com.firesync.provider.WebhookReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Powens webhooks: {@code BI-Signature} verification with the configured secret ({@code POWENS_WEBHOOK_SECRET}, or
 * the one the built-in sandbox offers when no Powens client is configured) and the payloads of {@code CONNECTION_SYNCED},
 * {@code CONNECTION_DELETED}, {@code ACCOUNT_ENABLED} and {@code ACCOUNT_DISABLED}.
 */
@Component
class PowensWebhooks implements WebhookReader {

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final @Nullable WebhookSignature signature;

    private final PowensMapping mapping;

    PowensWebhooks(PowensSettings settings) {
        String secret = settings.webhookSecret();
        this.signature = secret == null ? null : new WebhookSignature(secret);
        this.mapping = new PowensMapping(new PowensTime(settings.timezone()));
    }

    @Override
    public boolean verifySignature(String method, String path, String date, byte[] body, String signed) {
        return signature != null && signature.verify(method, path, date, body, signed);
    }

    @Override
    public WebhookEvent read(@Nullable String event, byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.isObject()) {
                throw malformed();
            }
            String name = event == null ? recognise(root) : event.toUpperCase(Locale.ROOT);
            return switch (name) {
                case "CONNECTION_SYNCED" -> connectionSynced(root);
                case "CONNECTION_DELETED" -> new WebhookEvent.ConnectionDeleted(text(root, "id"));
                case "ACCOUNT_ENABLED", "ACCOUNT_DISABLED" ->
                    new WebhookEvent.AccountChanged(mapping.account(json.treeToValue(root, PowensJson.Account.class)));
                default -> new WebhookEvent.Ignored(name);
            };
        } catch (JacksonException | IllegalArgumentException | MalformedResponseException e) {
            throw malformed();
        }
    }

    private WebhookEvent connectionSynced(JsonNode root) {
        JsonNode connection = root.path("connection");
        if (!connection.isObject()) {
            throw malformed();
        }
        List<ProviderAccount> accounts = new ArrayList<>();
        List<ProviderTransaction> transactions = new ArrayList<>();
        for (JsonNode account : connection.path("accounts")) {
            accounts.add(mapping.account(json.treeToValue(account, PowensJson.Account.class)));
            for (JsonNode transaction : account.path("transactions")) {
                transactions.add(mapping.transaction(json.treeToValue(transaction, PowensJson.Transaction.class)));
            }
        }
        String user = root.path("user").path("id").asString(text(connection, "id_user"));
        return new WebhookEvent.ConnectionSynced(user,
                mapping.connection(json.treeToValue(connection, PowensJson.Connection.class)), accounts, transactions);
    }

    private static String recognise(JsonNode root) {
        return root.path("connection").isObject() ? "CONNECTION_SYNCED" : "UNKNOWN";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw malformed();
        }
        return value.asString();
    }

    private static ProviderException malformed() {
        return new ProviderException("read webhook", new ProviderFailure.Permanent("malformed_webhook"));
    }
}
