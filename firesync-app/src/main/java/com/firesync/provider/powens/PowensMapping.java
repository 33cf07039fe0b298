package com.firesync.provider.powens;

import com.firesync.provider.ProviderAccount;
import com.firesync.provider.ProviderConnection;
import com.firesync.provider.ProviderTransaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns Powens JSON into provider records at the edge. Codes Powens may extend (states, account and transaction
 * types) are kept verbatim; a row missing what FireSync cannot do without (an id, a date, an amount) makes the whole
 * answer malformed rather than half-stored.
 */
final class PowensMapping {

    private final PowensTime time;

    PowensMapping(PowensTime time) {
        this.time = time;
    }

    ProviderConnection connection(PowensJson.Connection json) {
        String id = required(json.id(), "connection id");
        // "error" is the deprecated twin of "state"; older payloads only carry that one
        String state = json.state() != null ? json.state() : json.error();
        // expire: the highest consent expiration among the connection's sources (PSD2: 180 days, renewed by SCA)
        return new ProviderConnection(id, connectorUuid(json), bankName(json), state,
                PowensStates.health(state), time.instant(json.lastUpdate()), json.errorMessage(),
                time.instant(json.expire()));
    }

    ProviderAccount account(PowensJson.Account json) {
        String id = required(json.id(), "account id");
        String name = firstNonBlank(json.name(), json.originalName(), "Account " + id);
        return new ProviderAccount(id, required(json.idConnection(), "account id_connection"), name,
                json.originalName(), json.type(), json.number(), json.iban(), currency(json.currency()),
                json.balance(), json.coming(), time.instant(json.disabled()), time.instant(json.deleted()),
                time.instant(json.lastUpdate()), time.wallClock(json.lastUpdate()));
    }

    ProviderTransaction transaction(PowensJson.Transaction json) {
        String id = required(json.id(), "transaction id");
        LocalDate rdate = PowensTime.date(json.rdate());
        LocalDate applicationDate = PowensTime.date(json.applicationDate());
        LocalDate date = firstNonNull(PowensTime.date(json.date()), rdate, applicationDate);
        BigDecimal amount = json.value() != null ? json.value() : json.grossValue();
        return new ProviderTransaction(id, required(json.idAccount(), "transaction id_account"),
                required(date, "transaction date"), PowensTime.date(json.vdate()), rdate, applicationDate,
                required(amount, "transaction value"), currency(json.currency()), json.wording(),
                json.originalWording(), json.simplifiedWording(), json.type(), Boolean.TRUE.equals(json.coming()),
                time.instant(json.deleted()), time.instant(json.lastUpdate()), time.wallClock(json.lastUpdate()),
                json.originalValue(), currency(json.originalCurrency()), json.idCategory(),
                counterpartyIban(json.counterparty()));
    }

    private static @Nullable String counterpartyIban(PowensJson.@Nullable Counterparty counterparty) {
        if (counterparty == null || !"iban".equals(counterparty.accountSchemeName())) {
            return null;
        }
        String iban = counterparty.accountIdentification();
        return iban == null || iban.isBlank() ? null : iban.replace(" ", "");
    }

    List<ProviderTransaction> transactions(PowensJson.TransactionList json) {
        return Objects.requireNonNullElse(json.transactions(), List.<PowensJson.Transaction>of()).stream()
                .map(this::transaction).toList();
    }

    private static @Nullable String connectorUuid(PowensJson.Connection json) {
        if (json.connectorUuid() != null) {
            return json.connectorUuid();
        }
        return json.connector() == null ? null : json.connector().uuid();
    }

    private static String bankName(PowensJson.Connection json) {
        String name = json.connector() == null ? null : json.connector().name();
        String connector = firstNonBlank(json.connectorUuid(), json.idConnector(), "unknown");
        return firstNonBlank(name, null, "Connector " + connector);
    }

    private static @Nullable String currency(PowensJson.@Nullable Currency currency) {
        return currency == null || currency.id() == null || currency.id().isBlank() ? null : currency.id();
    }

    private static <T> T required(@Nullable T value, String what) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new MalformedResponseException("Powens sent no " + what);
        }
        return value;
    }

    @SafeVarargs
    private static <T> @Nullable T firstNonNull(@Nullable T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String firstNonBlank(@Nullable String first, @Nullable String second, String fallback) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : fallback;
    }
}
