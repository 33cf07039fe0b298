package com.firesync.provider.powens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The hand-written transaction reader against what Jackson's data binding makes of the same record: the same
 * transaction for every shape Powens may send, and a refusal wherever binding refuses.
 */
class TransactionReaderTests {

    private static final JsonMapper BINDING = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final JsonMapper READER = BINDING.rebuild()
            .addModule(new SimpleModule().addDeserializer(PowensJson.Transaction.class, new TransactionReader()))
            .build();

    @ParameterizedTest
    @ValueSource(strings = {
            """
                    {"id": 9, "id_account": 12, "application_date": "2026-03-02", "date": "2026-03-01",
                     "datetime": null, "rdate": "2026-02-28", "vdate": null, "value": -42.1, "gross_value": -42.10,
                     "type": "instant_transfer", "coming": true, "active": true, "original_wording": "VIR INST X",
                     "simplified_wording": "Vir X", "stemmed_wording": "VIR X", "wording": null,
                     "date_scraped": "2026-03-01 04:00:00", "deleted": "2026-03-05 12:00:00",
                     "last_update": "2026-03-05 12:00:00", "card": null, "comment": null, "counterparty": null,
                     "categories": [{"id": 1, "name": "x", "nested": [1, {"a": [true]}]}], "new": true,
                     "informations": {"a": {"b": "c"}}, "documents_count": 0}""",
            """
                    {"id": "9", "id_account": "12", "date": "2026-03-01", "value": "-42.10", "gross_value": " 7 ",
                     "coming": "false", "id_category": "9998", "original_value": "12.50", "original_currency": "GBP",
                     "currency": {"id": "EUR", "symbol": "€", "precision": 2}}""",
            """
                    {"id": 9.0, "id_account": true, "date": "2026-03-01T10:00:00", "value": 0.1000000000000000055511151231257827,
                     "coming": 1, "id_category": 12, "original_value": null, "original_currency": null,
                     "counterparty": {"label": "Livret A", "account_scheme_name": "iban",
                                      "account_identification": "FR76 3000 4000", "type": "creditor"}}""",
            """
                    {"id": 10, "id_account": 12, "date": "2026-03-01", "value": 1e2, "gross_value": "",
                     "id_category": "", "coming": "", "currency": null, "original_currency": {"id": null}}""",
            "{\"value\": 5}", "{}"})
    void readsWhatDataBindingReads(String json) {
        assertThat(READER.readValue(json, PowensJson.Transaction.class))
                .isEqualTo(BINDING.readValue(json, PowensJson.Transaction.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\": {\"x\": 1}}", "{\"date\": [\"2026-03-01\"]}", "{\"value\": \"ten\"}",
            "{\"value\": {}}", "{\"coming\": \"maybe\"}", "{\"id_category\": \"x\"}", "{\"id_category\": []}",
            "[]", "{\"id\": 9", "{\"id\": 9,}"})
    void refusesWhatDataBindingRefuses(String json) {
        assertThatThrownBy(() -> BINDING.readValue(json, PowensJson.Transaction.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> READER.readValue(json, PowensJson.Transaction.class))
                .isInstanceOf(JacksonException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-01", "2026-03-01 10:00:00", "2024-02-29", "0001-01-01"})
    void readsDatesAsTheFormatterDoes(String text) {
        assertThat(PowensTime.date(text)).isEqualTo(LocalDate.parse(text.substring(0, 10)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01", "2026-02-30", "2026-3-01", "20260301", "2026-03-0x", "2025-02-29"})
    void refusesWhatIsNotADate(String text) {
        assertThatThrownBy(() -> PowensTime.date(text)).isInstanceOf(MalformedResponseException.class);
    }
}
