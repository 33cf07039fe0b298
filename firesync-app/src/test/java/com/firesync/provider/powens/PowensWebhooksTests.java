package com.firesync.provider.powens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.firesync.provider.ProviderTransaction;
import com.firesync.provider.WebhookEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PowensWebhooksTests {

    private final PowensWebhooks webhooks = new PowensWebhooks(new PowensSettings(null, null, null, "secret", null,
            null, ZoneId.of("Europe/Paris"), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
            1000));

    @Test
    void carriesTheOriginalAmountOfAPaymentAbroadInAConnectionSynced() {
        String body = """
                {"user": {"id": 7}, "connection": {"id": 3, "id_user": 7, "state": null,
                 "last_update": "2026-03-10 08:00:00", "connector": {"uuid": "u-1", "name": "Demo Bank"},
                 "accounts": [{"id": 31, "id_connection": 3, "name": "Card", "currency": {"id": "EUR"},
                   "transactions": [
                     {"id": 1, "id_account": 31, "date": "2026-03-09", "value": -46.3, "currency": {"id": "EUR"},
                      "original_value": -50.0, "original_currency": {"id": "USD", "name": "US Dollar",
                      "symbol": "$", "precision": 2}},
                     {"id": 2, "id_account": 31, "date": "2026-03-09", "value": -3.1, "original_value": null,
                      "original_currency": null}]}]}}""";

        var event = webhooks.read("CONNECTION_SYNCED", body.getBytes(StandardCharsets.UTF_8));

        assertThat(event).isInstanceOfSatisfying(WebhookEvent.ConnectionSynced.class, synced -> {
            assertThat(synced.transactions()).extracting(ProviderTransaction::id, ProviderTransaction::originalAmount,
                    ProviderTransaction::originalCurrency)
                    .containsExactly(tuple("1", new BigDecimal("-50.0"), "USD"),
                            tuple("2", null, null));
        });
    }
}
