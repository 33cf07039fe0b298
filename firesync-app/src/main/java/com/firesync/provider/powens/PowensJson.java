package com.firesync.provider.powens;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Powens' JSON shapes, as far as FireSync reads them (field names from Powens' OpenAPI). Read leniently: unknown
 * fields are ignored, numbers may arrive as strings, ids become text, timestamps and dates stay text until
 * {@link PowensMapping} parses them.
 */
final class PowensJson {

    private PowensJson() {
    }

    record AuthInit(@JsonProperty("auth_token") @Nullable String authToken, @Nullable String type,
            @JsonProperty("id_user") @Nullable String idUser, @JsonProperty("expires_in") @Nullable Long expiresIn) {
    }

    record TemporaryCode(@Nullable String code, @JsonProperty("expires_in") @Nullable Long expiresIn) {
    }

    record AccessToken(@JsonProperty("access_token") @Nullable String accessToken,
            @JsonProperty("token_type") @Nullable String tokenType) {
    }

    /** Powens' error body: {@code {code, description, message, request_id}}. */
    record Error(@Nullable String code, @Nullable String description, @Nullable String message) {
    }

    /** A currency: an object {@code {id, name, symbol, precision}} in Powens' spec, a bare code in some payloads. */
    record Currency(@Nullable String id) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Currency of(JsonNode node) {
            if (node.isObject()) {
                JsonNode id = node.get("id");
                return new Currency(id == null || id.isNull() ? null : id.asString());
            }
            return new Currency(node.isNull() ? null : node.asString());
        }
    }

    record Connector(@Nullable String uuid, @Nullable String name) {
    }

    record Connection(@Nullable String id, @JsonProperty("id_connector") @Nullable String idConnector,
            @JsonProperty("connector_uuid") @Nullable String connectorUuid, @Nullable String state,
            @Nullable String error, @JsonProperty("error_message") @Nullable String errorMessage,
            @JsonProperty("last_update") @Nullable String lastUpdate, @Nullable Connector connector,
            @Nullable List<Account> accounts, @JsonProperty("all_accounts") @Nullable List<Account> allAccounts,
            @Nullable String expire) {
    }

    record ConnectionList(@Nullable List<Connection> connections) {
    }

    record Account(@Nullable String id, @JsonProperty("id_connection") @Nullable String idConnection,
            @Nullable String name, @JsonProperty("original_name") @Nullable String originalName,
            @Nullable String type, @Nullable String number, @Nullable String iban, @Nullable Currency currency,
            @Nullable BigDecimal balance, @Nullable BigDecimal coming, @Nullable String disabled,
            @Nullable String deleted, @JsonProperty("last_update") @Nullable String lastUpdate) {
    }

    record AccountList(@Nullable List<Account> accounts) {
    }

    record Transaction(@Nullable String id, @JsonProperty("id_account") @Nullable String idAccount,
            @Nullable String date, @Nullable String rdate, @Nullable String vdate,
            @JsonProperty("application_date") @Nullable String applicationDate, @Nullable BigDecimal value,
            @JsonProperty("gross_value") @Nullable BigDecimal grossValue, @Nullable Currency currency,
            @Nullable String wording, @JsonProperty("original_wording") @Nullable String originalWording,
            @JsonProperty("simplified_wording") @Nullable String simplifiedWording, @Nullable String type,
            @Nullable Boolean coming, @Nullable String deleted,
            @JsonProperty("last_update") @Nullable String lastUpdate,
            @JsonProperty("original_value") @Nullable BigDecimal originalValue,
            @JsonProperty("original_currency") @Nullable Currency originalCurrency,
            @JsonProperty("id_category") @Nullable Long idCategory, @Nullable Counterparty counterparty) {
    }

    record Counterparty(@Nullable String label,
            @JsonProperty("account_scheme_name") @Nullable String accountSchemeName,
            @JsonProperty("account_identification") @Nullable String accountIdentification) {
    }

    record TransactionList(@Nullable List<Transaction> transactions, @JsonProperty("_links") @Nullable Links links) {
    }

    record Links(@Nullable Link next) {
    }

    record Link(@Nullable String href) {
    }
}
