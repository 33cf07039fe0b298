package com.firesync.provider.powens;

import java.math.BigDecimal;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a {@link PowensJson.Transaction} straight off the token stream, with the coercions Jackson's data binding
 * applies to the record (numbers and booleans as text, numbers and booleans sent as strings, an empty string as
 * {@code null}), the rare nested objects ({@code currency}, {@code original_currency}, {@code counterparty}) still
 * bound by Jackson. A backfill reads a million of these: bound as a record, each one buffered every field FireSync
 * does not read into a token buffer and built its constructor call through a method handle spread anew, which made
 * the page's parse a third of FireSync's processor time and a quarter of what it allocated.
 */
final class TransactionReader extends ValueDeserializer<PowensJson.Transaction> {

    @Override
    public PowensJson.Transaction deserialize(JsonParser p, DeserializationContext ctxt) {
        if (!p.isExpectedStartObjectToken()) {
            return (PowensJson.Transaction) ctxt.handleUnexpectedToken(PowensJson.Transaction.class, p);
        }
        @Nullable
        String id = null;
        @Nullable
        String idAccount = null;
        @Nullable
        String date = null;
        @Nullable
        String rdate = null;
        @Nullable
        String vdate = null;
        @Nullable
        String applicationDate = null;
        @Nullable
        BigDecimal value = null;
        @Nullable
        BigDecimal grossValue = null;
        PowensJson.@Nullable Currency currency = null;
        @Nullable
        String wording = null;
        @Nullable
        String originalWording = null;
        @Nullable
        String simplifiedWording = null;
        @Nullable
        String type = null;
        @Nullable
        Boolean coming = null;
        @Nullable
        String deleted = null;
        @Nullable
        String lastUpdate = null;
        @Nullable
        BigDecimal originalValue = null;
        PowensJson.@Nullable Currency originalCurrency = null;
        @Nullable
        Long idCategory = null;
        PowensJson.@Nullable Counterparty counterparty = null;
        for (@Nullable
        String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "id" -> id = text(p, token, ctxt);
                case "id_account" -> idAccount = text(p, token, ctxt);
                case "date" -> date = text(p, token, ctxt);
                case "rdate" -> rdate = text(p, token, ctxt);
                case "vdate" -> vdate = text(p, token, ctxt);
                case "application_date" -> applicationDate = text(p, token, ctxt);
                case "value" -> value = decimal(p, token, ctxt);
                case "gross_value" -> grossValue = decimal(p, token, ctxt);
                case "currency" -> currency = object(p, token, ctxt, PowensJson.Currency.class);
                case "wording" -> wording = text(p, token, ctxt);
                case "original_wording" -> originalWording = text(p, token, ctxt);
                case "simplified_wording" -> simplifiedWording = text(p, token, ctxt);
                case "type" -> type = text(p, token, ctxt);
                case "coming" -> coming = bool(p, token, ctxt);
                case "deleted" -> deleted = text(p, token, ctxt);
                case "last_update" -> lastUpdate = text(p, token, ctxt);
                case "original_value" -> originalValue = decimal(p, token, ctxt);
                case "original_currency" -> originalCurrency = object(p, token, ctxt, PowensJson.Currency.class);
                case "id_category" -> idCategory = whole(p, token, ctxt);
                case "counterparty" -> counterparty = object(p, token, ctxt, PowensJson.Counterparty.class);
                default -> p.skipChildren(); // a field FireSync does not read
            }
        }
        return new PowensJson.Transaction(id, idAccount, date, rdate, vdate, applicationDate, value, grossValue,
                currency, wording, originalWording, simplifiedWording, type, coming, deleted, lastUpdate,
                originalValue, originalCurrency, idCategory, counterparty);
    }

    private static @Nullable String text(JsonParser p, JsonToken token, DeserializationContext ctxt) {
        return switch (token) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> p.getString();
            case VALUE_NULL -> null;
            default -> mismatch(p, ctxt, String.class);
        };
    }

    private static @Nullable BigDecimal decimal(JsonParser p, JsonToken token, DeserializationContext ctxt) {
        return switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDecimalValue();
            case VALUE_STRING -> parsed(p, ctxt, BigDecimal.class, BigDecimal::new);
            case VALUE_NULL -> null;
            default -> mismatch(p, ctxt, BigDecimal.class);
        };
    }

    private static @Nullable Long whole(JsonParser p, JsonToken token, DeserializationContext ctxt) {
        return switch (token) {
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_STRING -> parsed(p, ctxt, Long.class, Long::valueOf);
            case VALUE_NULL -> null;
            default -> mismatch(p, ctxt, Long.class);
        };
    }

    private static @Nullable Boolean bool(JsonParser p, JsonToken token, DeserializationContext ctxt) {
        return switch (token) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT -> p.getLongValue() != 0;
            case VALUE_STRING -> {
                String text = p.getString().trim();
                if (text.isEmpty()) {
                    yield null;
                }
                if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
                    yield Boolean.valueOf(text);
                }
                yield ctxt.reportInputMismatch(Boolean.class, "not a boolean: %s", text);
            }
            case VALUE_NULL -> null;
            default -> mismatch(p, ctxt, Boolean.class);
        };
    }

    /** A number sent as a string: {@code null} when blank, as binding coerces an empty string. */
    private static <T> @Nullable T parsed(JsonParser p, DeserializationContext ctxt, Class<T> type,
            Function<String, T> parse) {
        String text = p.getString().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (NumberFormatException e) {
            return ctxt.reportInputMismatch(type, "not a %s: %s", type.getSimpleName(), text);
        }
    }

    private static <T> @Nullable T object(JsonParser p, JsonToken token, DeserializationContext ctxt,
            Class<T> type) {
        return token == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, type);
    }

    private static <T> T mismatch(JsonParser p, DeserializationContext ctxt, Class<?> type) {
        return ctxt.reportInputMismatch(type, "unexpected %s for a %s", p.currentToken(), type.getSimpleName());
    }
}
