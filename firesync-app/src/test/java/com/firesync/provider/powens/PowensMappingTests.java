package com.firesync.provider.powens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.firesync.provider.ConnectionHealth;
import com.firesync.provider.ProviderAccount;
import com.firesync.provider.ProviderCallGate;
import com.firesync.provider.ProviderConnection;
import com.firesync.provider.ProviderTransaction;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PowensMappingTests {

    private final PowensHttp http = new PowensHttp(Duration.ofSeconds(1), Duration.ofSeconds(1), Clock.systemUTC(),
            ProviderCallGate.OPEN);

    private final PowensMapping mapping = new PowensMapping(new PowensTime(ZoneId.of("Europe/Paris")));

    @AfterEach
    void close() {
        http.close();
    }

    @Test
    void mapsAnAccountWithACurrencyObject() {
        ProviderAccount account = account("""
                {"id": 12, "id_connection": 3, "id_user": 1, "name": "Compte chèque", "original_name": "CCP M. X",
                 "type": "checking", "number": "3002900000", "iban": "FR7630004000031234567890143",
                 "currency": {"id": "EUR", "name": "Euro", "symbol": "€", "precision": 2},
                 "balance": 1234.56, "coming": -20.1, "disabled": null, "deleted": null,
                 "last_update": "2026-01-15 10:00:00", "usage": "PRIV", "bic": "BNPAFRPP", "webid": "x"}""");

        assertThat(account).isEqualTo(new ProviderAccount("12", "3", "Compte chèque", "CCP M. X", "checking",
                "3002900000", "FR7630004000031234567890143", "EUR", new BigDecimal("1234.56"),
                new BigDecimal("-20.1"), null, null, Instant.parse("2026-01-15T09:00:00Z"),
                LocalDateTime.parse("2026-01-15T10:00:00")));
    }

    @Test
    void acceptsACurrencyCodeStringNumbersAsStringsAndUnknownTypes() {
        ProviderAccount account = account("""
                {"id": "12", "id_connection": "3", "name": "Livret", "type": "livret_a", "currency": "EUR",
                 "balance": "1000000000000.10", "coming": null, "disabled": "2026-02-01 08:00:00",
                 "deleted": "2026-02-02 08:00:00", "last_update": null}""");

        assertThat(account.currency()).isEqualTo("EUR");
        assertThat(account.type()).isEqualTo("livret_a");
        assertThat(account.balance()).isEqualByComparingTo("1000000000000.10");
        assertThat(account.disabled()).isEqualTo(Instant.parse("2026-02-01T07:00:00Z"));
        assertThat(account.deleted()).isEqualTo(Instant.parse("2026-02-02T07:00:00Z"));
        assertThat(account.lastUpdate()).isNull();
    }

    @Test
    void fallsBackToTheOriginalNameWhenTheNameIsMissing() {
        assertThat(account("{\"id\": 1, \"id_connection\": 2, \"original_name\": \"PEA\"}").name()).isEqualTo("PEA");
    }

    @Test
    void mapsTheCategoryAndAnIbanCounterpartyOnly() {
        ProviderTransaction toSavings = transaction(
                """
                        {"id": 9, "id_account": 12, "date": "2026-03-01", "value": -500, "id_category": 9998,
                         "counterparty": {"label": "Livret A", "account_scheme_name": "iban",
                                          "account_identification": "FR76 3000 4000 0312 3456 7890 143", "type": "creditor"}}""");
        ProviderTransaction card = transaction(
                """
                        {"id": 10, "id_account": 12, "date": "2026-03-01", "value": -5,
                         "counterparty": {"label": "Shop", "account_scheme_name": "cpan", "account_identification": "4970"}}""");

        assertThat(toSavings.categoryId()).isEqualTo(9998L);
        assertThat(toSavings.counterpartyIban()).isEqualTo("FR7630004000031234567890143");
        assertThat(card.categoryId()).isNull();
        assertThat(card.counterpartyIban()).isNull();
    }

    @Test
    void keepsAmountsExactly() {
        ProviderTransaction tx = transaction("""
                {"id": 9, "id_account": 12, "date": "2026-03-01", "value": 0.1000000000000000055511151231257827,
                 "coming": false}""");

        assertThat(tx.amount()).isEqualTo(new BigDecimal("0.1000000000000000055511151231257827"));
    }

    @Test
    void mapsADeletedPendingTransactionWithAnUnknownType() {
        ProviderTransaction tx = transaction("""
                {"id": 9, "id_account": 12, "application_date": "2026-03-02", "date": "2026-03-01",
                 "rdate": "2026-02-28", "vdate": null, "value": "-42.10", "gross_value": -42.1,
                 "type": "instant_transfer", "coming": true, "original_wording": "VIR INST X",
                 "simplified_wording": "Vir X", "wording": null, "date_scraped": "2026-03-01 04:00:00",
                 "deleted": "2026-03-05 12:00:00", "last_update": "2026-03-05 12:00:00",
                 "counterparty": null, "categories": [], "new": true}""");

        assertThat(tx).isEqualTo(new ProviderTransaction("9", "12", LocalDate.parse("2026-03-01"), null,
                LocalDate.parse("2026-02-28"), LocalDate.parse("2026-03-02"), new BigDecimal("-42.10"), null, null,
                "VIR INST X", "Vir X", "instant_transfer", true, Instant.parse("2026-03-05T11:00:00Z"),
                Instant.parse("2026-03-05T11:00:00Z"), LocalDateTime.parse("2026-03-05T12:00:00"), null, null));
    }

    @Test
    void keepsTheOriginalAmountAndCurrencyOfAForeignOperation() {
        ProviderTransaction tx = transaction("""
                {"id": 9, "id_account": 12, "date": "2026-03-01", "value": -46.30,
                 "currency": {"id": "EUR", "symbol": "€", "precision": 2},
                 "original_value": -50.0, "original_gross_value": -50.0,
                 "original_currency": {"id": "USD", "name": "US Dollar", "symbol": "$", "precision": 2}}""");

        assertThat(tx.amount()).isEqualTo(new BigDecimal("-46.30"));
        assertThat(tx.currency()).isEqualTo("EUR");
        assertThat(tx.originalAmount()).isEqualTo(new BigDecimal("-50.0"));
        assertThat(tx.originalCurrency()).isEqualTo("USD");
    }

    @Test
    void leavesTheOriginalAmountEmptyWhenNullOrAbsent() {
        ProviderTransaction explicit = transaction("""
                {"id": 9, "id_account": 12, "date": "2026-03-01", "value": -46.30, "original_value": null,
                 "original_currency": null}""");
        ProviderTransaction absent = transaction(
                "{\"id\": 9, \"id_account\": 12, \"date\": \"2026-03-01\", \"value\": 1}");

        assertThat(explicit.originalAmount()).isNull();
        assertThat(explicit.originalCurrency()).isNull();
        assertThat(absent.originalAmount()).isNull();
        assertThat(absent.originalCurrency()).isNull();
    }

    @Test
    void readsAnOriginalAmountSentAsTextWithABareCurrencyCode() {
        ProviderTransaction tx = transaction("""
                {"id": 9, "id_account": 12, "date": "2026-03-01", "value": 14.61, "original_value": "12.50",
                 "original_currency": "GBP"}""");

        assertThat(tx.originalAmount()).isEqualTo(new BigDecimal("12.50"));
        assertThat(tx.originalCurrency()).isEqualTo("GBP");
    }

    @Test
    void refusesATransactionWithoutAnAmount() {
        assertThatThrownBy(() -> transaction("{\"id\": 9, \"id_account\": 12, \"date\": \"2026-03-01\"}"))
                .isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void mapsAHealthyConnectionWithItsBankName() {
        ProviderConnection connection = connection("""
                {"id": 5, "id_user": 1, "id_connector": 40, "connector_uuid": "338178e6", "state": null,
                 "error": null, "error_message": null, "last_update": "2026-07-01 02:00:00", "active": true,
                 "connector": {"uuid": "338178e6", "name": "Demo Bank", "capabilities": ["bank"]}}""");

        assertThat(connection).isEqualTo(new ProviderConnection("5", "338178e6", "Demo Bank", null,
                ConnectionHealth.OK, Instant.parse("2026-07-01T00:00:00Z"), null));
    }

    @Test
    void readsTheConsentExpiryFromExpireInParisTime() {
        assertThat(connection("{\"id\": 5, \"id_connector\": 40, \"expire\": \"2026-12-28 11:00:00\"}")
                .consentExpiresAt()).isEqualTo(Instant.parse("2026-12-28T10:00:00Z"));
        assertThat(connection("{\"id\": 5, \"id_connector\": 40}").consentExpiresAt()).isNull();
    }

    @Test
    void keepsAnUnknownConnectionStateAndReadsTheDeprecatedErrorField() {
        assertThat(connection("{\"id\": 5, \"id_connector\": 40, \"state\": \"brandNewState\"}"))
                .extracting(ProviderConnection::state, ProviderConnection::health, ProviderConnection::bankName)
                .containsExactly("brandNewState", ConnectionHealth.FAILING, "Connector 40");
        assertThat(connection("{\"id\": 5, \"error\": \"SCARequired\"}").health())
                .isEqualTo(ConnectionHealth.NEEDS_USER_ACTION);
    }

    @Test
    void readsAnEmptyListAsNoTransactions() {
        assertThat(mapping.transactions(http.read(bytes("{\"transactions\": []}"), PowensJson.TransactionList.class)))
                .isEmpty();
    }

    private ProviderAccount account(String json) {
        return mapping.account(http.read(bytes(json), PowensJson.Account.class));
    }

    private ProviderTransaction transaction(String json) {
        return mapping.transaction(http.read(bytes(json), PowensJson.Transaction.class));
    }

    private ProviderConnection connection(String json) {
        return mapping.connection(http.read(bytes(json), PowensJson.Connection.class));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
