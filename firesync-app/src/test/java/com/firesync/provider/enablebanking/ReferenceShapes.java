package com.firesync.provider.enablebanking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The shapes of Enable Banking's requests and answers as {@code shared/reference/enablebanking.md} gives them (§3-§5):
 * required and optional fields, their types, enums and formats. A request shape is closed (a field the reference does
 * not list is a violation); an answer shape is open (clients must ignore unknown fields). {@link Shape#check} answers
 * the violations with their JSON path, none when the value fits.
 */
final class ReferenceShapes {

    private ReferenceShapes() {
    }

    interface Shape {

        void check(String path, JsonNode node, List<String> violations);

        default List<String> violations(JsonNode node) {
            List<String> violations = new java.util.ArrayList<>();
            check("$", node, violations);
            return violations;
        }
    }

    static Shape string() {
        return (path, node, out) -> expect(node.isString(), path, "a string", node, out);
    }

    static Shape pattern(String regex) {
        return (path, node, out) -> expect(node.isString() && node.asString().matches(regex), path, "matching " + regex,
                node, out);
    }

    static Shape oneOf(String... values) {
        Set<String> allowed = Set.of(values);
        return (path, node, out) -> expect(node.isString() && allowed.contains(node.asString()), path,
                "one of " + allowed, node, out);
    }

    static Shape integer() {
        return (path, node, out) -> expect(node.isIntegralNumber(), path, "an integer", node, out);
    }

    static Shape bool() {
        return (path, node, out) -> expect(node.isBoolean(), path, "a boolean", node, out);
    }

    static Shape anything() {
        return (path, node, out) -> {
        };
    }

    /** {@code YYYY-MM-DD}. */
    static Shape date() {
        return (path, node, out) -> {
            boolean ok = node.isString();
            try {
                LocalDate.parse(node.asString());
            } catch (DateTimeParseException | UnsupportedOperationException e) {
                ok = false;
            }
            expect(ok && node.asString().matches("\\d{4}-\\d{2}-\\d{2}"), path, "a date", node, out);
        };
    }

    /** RFC 3339 with an offset ({@code Z} or {@code +hh:mm}). */
    static Shape dateTime() {
        return (path, node, out) -> {
            boolean ok = node.isString();
            try {
                OffsetDateTime.parse(node.asString());
            } catch (DateTimeParseException | UnsupportedOperationException e) {
                ok = false;
            }
            expect(ok, path, "an RFC 3339 date-time with offset", node, out);
        };
    }

    /** A decimal in a string, {@code .} as separator. */
    static Shape decimal() {
        return pattern("-?\\d+(\\.\\d+)?");
    }

    static Shape array(Shape items) {
        return (path, node, out) -> {
            if (!node.isArray()) {
                expect(false, path, "an array", node, out);
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                items.check(path + "[" + i + "]", node.get(i), out);
            }
        };
    }

    static Shape nullable(Shape shape) {
        return (path, node, out) -> {
            if (!node.isNull()) {
                shape.check(path, node, out);
            }
        };
    }

    static ObjectShape object() {
        return new ObjectShape(new LinkedHashMap<>(), new LinkedHashMap<>(), false);
    }

    /** An object: its required and optional fields; closed when no other field is allowed. */
    record ObjectShape(Map<String, Shape> required, Map<String, Shape> optional, boolean strict) implements Shape {

        ObjectShape require(String name, Shape shape) {
            required.put(name, shape);
            return this;
        }

        ObjectShape allow(String name, Shape shape) {
            optional.put(name, shape);
            return this;
        }

        ObjectShape closed() {
            return new ObjectShape(required, optional, true);
        }

        @Override
        public void check(String path, JsonNode node, List<String> out) {
            if (!node.isObject()) {
                expect(false, path, "an object", node, out);
                return;
            }
            required.forEach((name, shape) -> {
                JsonNode value = node.get(name);
                if (value == null || value.isNull()) {
                    out.add(path + "." + name + " is required");
                } else {
                    shape.check(path + "." + name, value, out);
                }
            });
            for (String name : node.propertyNames()) {
                if (required.containsKey(name)) {
                    continue;
                }
                Shape shape = optional.get(name);
                if (shape == null) {
                    if (strict) {
                        out.add(path + "." + name + " is not a field of the reference");
                    }
                } else if (!node.get(name).isNull()) {
                    shape.check(path + "." + name, node.get(name), out);
                }
            }
        }
    }

    private static void expect(boolean ok, String path, String what, JsonNode node, List<String> out) {
        if (!ok) {
            String text = node.toString();
            out.add(path + " should be " + what + " but is " + text.substring(0, Math.min(80, text.length())));
        }
    }

    // ---- the reference's types ----

    static final Shape AMOUNT = object().require("currency", pattern("[A-Z]{3}")).require("amount", decimal());

    static final Shape ASPSP_REF = object().require("name", string()).require("country", pattern("[A-Z]{2}"));

    static final Shape ACCESS = object().require("valid_until", dateTime())
            .allow("balances", bool())
            .allow("transactions", bool())
            .allow("accounts", array(anything()));

    static final Shape GENERIC_ID = object().require("identification", string()).require("scheme_name", string());

    static final Shape ACCOUNT_ID = object().allow("iban", string()).allow("other", GENERIC_ID);

    static final Shape ACCOUNT = object().require("cash_account_type", oneOf("CACC", "CASH", "CARD", "LOAN", "SVGS",
            "OTHR"))
            .require("currency", pattern("[A-Z]{3}"))
            .require("identification_hash", string())
            .require("identification_hashes", array(string()))
            .allow("account_id", ACCOUNT_ID)
            .allow("all_account_ids", array(GENERIC_ID))
            .allow("name", string())
            .allow("details", string())
            .allow("usage", oneOf("PRIV", "ORGA"))
            .allow("product", string())
            .allow("uid", string());

    static final Shape ASPSP = object().require("name", string())
            .require("country", pattern("[A-Z]{2}"))
            .require("logo", string())
            .require("psu_types", array(oneOf("personal", "business")))
            .require("auth_methods", array(object().require("psu_type", string())
                    .require("approach", oneOf("REDIRECT", "DECOUPLED", "EMBEDDED"))
                    .require("hidden_method", bool())
                    .allow("name", string())
                    .allow("title", string())
                    .allow("credentials", array(anything()))))
            .require("maximum_consent_validity", integer())
            .require("beta", bool())
            .allow("bic", string())
            .allow("required_psu_headers", array(string()))
            .allow("sandbox", object().require("users", array(object())));

    static final Shape ASPSPS = object().require("aspsps", array(ASPSP));

    static final Shape START_AUTHORIZATION = object().require("access", ACCESS)
            .require("aspsp", ASPSP_REF)
            .require("state", string())
            .require("redirect_url", pattern("https?://.+"))
            .allow("psu_type", oneOf("personal", "business"))
            .allow("auth_method", string())
            .allow("credentials", object())
            .allow("credentials_autosubmit", bool())
            .allow("language", pattern("[a-z]{2}"))
            .allow("psu_id", string())
            .closed();

    static final Shape STARTED_AUTHORIZATION = object().require("url", pattern("https?://.+"))
            .require("authorization_id", string())
            .require("psu_id_hash", string());

    static final Shape SESSION_CODE = object().require("code", string()).closed();

    static final Shape AUTHORIZED_SESSION = object().require("session_id", string())
            .require("accounts", array(ACCOUNT))
            .require("aspsp", ASPSP_REF)
            .require("psu_type", oneOf("personal", "business"))
            .require("access", ACCESS);

    static final Shape SESSION = object().require("status", oneOf("PENDING_AUTHORIZATION", "RETURNED_FROM_BANK",
            "AUTHORIZED", "INVALID", "CANCELLED", "EXPIRED", "CLOSED", "REVOKED"))
            .require("accounts", array(string()))
            .require("accounts_data", array(object().require("uid", string())
                    .require("identification_hash", string())
                    .require("identification_hashes", array(string()))))
            .require("aspsp", ASPSP_REF)
            .require("psu_type", string())
            .require("psu_id_hash", string())
            .require("access", ACCESS)
            .require("created", dateTime())
            .allow("authorized", dateTime())
            .allow("closed", dateTime());

    static final Shape BALANCES = object().require("balances", array(object().require("name", string())
            .require("balance_amount", AMOUNT)
            .require("balance_type", oneOf("CLAV", "CLBD", "FWAV", "INFO", "ITAV", "ITBD", "OPAV", "OPBD", "PRCD",
                    "OTHR", "VALU", "XPCD"))
            .allow("last_change_date_time", dateTime())
            .allow("reference_date", date())
            .allow("last_committed_transaction", string())));

    static final Shape PARTY = object().allow("name", string());

    static final Shape TRANSACTION = object().require("transaction_amount", AMOUNT)
            .require("credit_debit_indicator", oneOf("CRDT", "DBIT"))
            .require("status", oneOf("BOOK", "PDNG", "CNCL", "HOLD", "SCHD", "RJCT", "OTHR"))
            .allow("entry_reference", string())
            .allow("transaction_id", string())
            .allow("booking_date", date())
            .allow("value_date", date())
            .allow("transaction_date", date())
            .allow("creditor", PARTY)
            .allow("debtor", PARTY)
            .allow("creditor_account", ACCOUNT_ID)
            .allow("debtor_account", ACCOUNT_ID)
            .allow("bank_transaction_code", object().allow("description", string())
                    .allow("code", string())
                    .allow("sub_code", string()))
            .allow("remittance_information", array(string()))
            .allow("exchange_rate", object().allow("instructed_amount", AMOUNT));

    static final Shape TRANSACTIONS = object().require("transactions", array(TRANSACTION))
            .allow("continuation_key", nullable(string()));

    static final Shape SUCCESS = object().require("message", string());

    /** §3.10 and §5: a refused transactions period, whose {@code detail} object carries the corrected date. */
    static final Shape PERIOD_REFUSED = object().require("message", string()).require("code", integer())
            .require("error", oneOf("WRONG_TRANSACTIONS_PERIOD"))
            .require("detail", object().require("date_from", date()));
}
