package com.firesync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.provider.ProviderTransaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL batch insert's columns: what text each sends for a transaction, and the statement built from them.
 */
class TransactionColumnTests {

    @Test
    void writesEachValueAsTheTextPostgresqlReadsBack() {
        var transaction = new ProviderTransaction("42", "1", LocalDate.of(2026, 1, 9), LocalDate.of(2026, 1, 10),
                null, null, new BigDecimal("-1E+1"), null, "w".repeat(1001), "RAW", null, "card", true,
                Instant.parse("2026-01-11T08:00:00.123456500Z"), null,
                LocalDateTime.of(2026, 1, 10, 9, 30, 0, 999_999_700), new BigDecimal("-12.5"), "usd");

        String values = TransactionColumn.ALL.stream()
                .map(column -> column.name() + "=" + shortened(column.value().of(transaction, "EUR")))
                .collect(Collectors.joining(" "));

        assertThat(values).isEqualTo("provider_transaction_id=42 booked_date=2026-01-09 value_date=2026-01-10"
                + " operation_date=null amount=-10 currency=EUR original_wording=RAW simplified_wording=null"
                + " wording=w*1000 type=card pending=true deleted_at=2026-01-11T08:00:00.123457Z"
                + " provider_last_update=2026-01-10T09:30:01 original_amount=-12.5 original_currency=usd category_id=null counterparty_iban=null");
    }

    @Test
    void fallsBackToTheAccountsCurrencyThenXxx() {
        var column = TransactionColumn.ALL.stream().filter(c -> c.name().equals("currency")).findFirst().orElseThrow();
        var withNone = new ProviderTransaction("1", "1", LocalDate.of(2026, 1, 9), null, null, null, BigDecimal.ONE,
                null, null, null, null, null, false, null, null, null, null, null);

        assertThat(column.value().of(withNone, "CHF")).isEqualTo("CHF");
        assertThat(column.value().of(withNone, null)).isEqualTo("XXX");
        assertThat(column.value().of(withNone, " ")).isEqualTo("XXX");
    }

    @Test
    void buildsTheStatementFromTheColumns() {
        assertThat(PostgresTransactionInserts.WRITE_NEW_TRANSACTIONS)
                .contains("unnest(CAST(:provider_transaction_id AS VARCHAR[]), CAST(:booked_date AS DATE[]),")
                .contains("CAST(:deleted_at AS TIMESTAMP WITH TIME ZONE[])")
                .contains("AS r(provider_transaction_id, booked_date, value_date,")
                .contains("INSERT INTO transactions (account_id, user_id, provider_transaction_id, booked_date,");
    }

    private static String shortened(String value) {
        return value != null && value.length() > 100 && value.chars().distinct().count() == 1
                ? value.charAt(0) + "*" + value.length()
                : String.valueOf(value);
    }
}
