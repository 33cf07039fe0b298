package com.firesync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Required properties and property types of the official Powens OpenAPI schemas (powens-sdks {@code lib/specs},
 * extracted from the YAML with {@code $ref}s resolved), so that sandbox answers can be checked without the spec files.
 */
final class PowensSchemas {

    record Schema(List<String> required, Map<String, String> types) {
    }

    private static final Map<String, Schema> SCHEMAS = Map.ofEntries(
            Map.entry("Connection", new Schema(List.of("id", "id_connector", "created", "active"),
                    Map.ofEntries(Map.entry("id", "integer"), Map.entry("id_user", "integer"),
                            Map.entry("id_connector", "integer"), Map.entry("id_provider", "integer"),
                            Map.entry("id_bank", "integer"), Map.entry("state", "string"), Map.entry("error", "string"),
                            Map.entry("error_message", "string"), Map.entry("fields", "array"),
                            Map.entry("last_update", "string"), Map.entry("created", "string"),
                            Map.entry("active", "boolean"), Map.entry("last_push", "string"),
                            Map.entry("expire", "string"), Map.entry("connector_uuid", "string"),
                            Map.entry("next_try", "string"), Map.entry("connector", "object"),
                            Map.entry("sources", "array"), Map.entry("accounts", "array"),
                            Map.entry("all_accounts", "array")))),
            Map.entry("BankAccount",
                    new Schema(
                            List.of("id", "id_connection", "id_user", "id_source", "name", "original_name", "type",
                                    "id_type", "usage", "display", "bookmarked"),
                            Map.ofEntries(Map.entry("id", "integer"), Map.entry("id_connection", "integer"),
                                    Map.entry("id_user", "integer"), Map.entry("id_source", "integer"),
                                    Map.entry("id_parent", "integer"), Map.entry("display", "boolean"),
                                    Map.entry("name", "string"), Map.entry("bookmarked", "boolean"),
                                    Map.entry("usage", "string"), Map.entry("original_name", "string"),
                                    Map.entry("balance", "number"), Map.entry("coming", "number"),
                                    Map.entry("currency", "object"), Map.entry("type", "string"),
                                    Map.entry("id_type", "integer"), Map.entry("last_update", "string"),
                                    Map.entry("deleted", "string"), Map.entry("disabled", "string"),
                                    Map.entry("number", "string"), Map.entry("iban", "string"),
                                    Map.entry("loan", "object"), Map.entry("connection", "object")))),
            Map.entry("Currency", new Schema(List.of("id", "name", "symbol", "precision"),
                    Map.ofEntries(Map.entry("id", "string"), Map.entry("name", "string"),
                            Map.entry("symbol", "string"), Map.entry("precision", "integer")))),
            Map.entry("BankAccountsList", new Schema(List.of("accounts", "balances"),
                    Map.ofEntries(Map.entry("accounts", "array"), Map.entry("balances", "object")))),
            Map.entry("Transaction", new Schema(
                    List.of("id", "id_account", "date", "type", "date_scraped", "rdate", "coming", "active"),
                    Map.ofEntries(Map.entry("id", "integer"), Map.entry("id_account", "integer"),
                            Map.entry("application_date", "string"), Map.entry("date", "string"),
                            Map.entry("datetime", "string"), Map.entry("value", "number"),
                            Map.entry("gross_value", "number"), Map.entry("original_value", "number"),
                            Map.entry("original_gross_value", "number"), Map.entry("original_currency", "object"),
                            Map.entry("commission", "number"), Map.entry("commission_currency", "object"),
                            Map.entry("type", "string"), Map.entry("wording", "string"),
                            Map.entry("id_category", "integer"), Map.entry("date_scraped", "string"),
                            Map.entry("rdate", "string"), Map.entry("rdatetime", "string"),
                            Map.entry("vdate", "string"), Map.entry("vdatetime", "string"),
                            Map.entry("bdate", "string"), Map.entry("bdatetime", "string"),
                            Map.entry("coming", "boolean"), Map.entry("active", "boolean"),
                            Map.entry("id_cluster", "integer"), Map.entry("country", "string"),
                            Map.entry("card", "string"), Map.entry("counterparty", "object"),
                            Map.entry("comment", "string"), Map.entry("last_update", "string"),
                            Map.entry("deleted", "string"), Map.entry("account", "object")))),
            Map.entry("DateBoundedList",
                    new Schema(List.of("first_date", "last_date", "result_min_date", "result_max_date"),
                            Map.ofEntries(Map.entry("first_date", "string"), Map.entry("last_date", "string"),
                                    Map.entry("result_min_date", "string"), Map.entry("result_max_date", "string")))),
            Map.entry("ServiceError", new Schema(List.of("code", "description"),
                    Map.ofEntries(Map.entry("code", "string"), Map.entry("description", "string"),
                            Map.entry("message", "string"), Map.entry("request_id", "string")))));

    private PowensSchemas() {
    }

    static void assertValid(String name, JsonNode node) {
        Schema schema = SCHEMAS.get(name);
        assertThat(node.isObject()).as(name + " is an object").isTrue();
        for (String property : schema.required()) {
            assertThat(node.has(property)).as(name + " has required " + property + ": " + node).isTrue();
        }
        schema.types().forEach((property, type) -> {
            JsonNode value = node.get(property);
            if (value != null && !value.isNull()) {
                assertThat(matches(type, value)).as(name + "." + property + " is " + type + ": " + value).isTrue();
            }
        });
    }

    private static boolean matches(String type, JsonNode value) {
        return switch (type) {
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "string" -> value.isString();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            default -> value.isObject();
        };
    }
}
