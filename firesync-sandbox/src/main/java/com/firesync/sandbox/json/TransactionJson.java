package com.firesync.sandbox.json;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A Powens transaction. {@code original_value} and {@code original_currency} are set only for an operation made in
 * another currency, and null otherwise. {@code id_category} and {@code counterparty} are set on Demo Bank rows (the
 * latter on transfers).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TransactionJson(long id, long idAccount, String date, String rdate, String vdate, String applicationDate,
        @Nullable String datetime, BigDecimal value, BigDecimal grossValue, String type, String originalWording,
        String simplifiedWording, String wording, boolean coming, boolean active, String dateScraped,
        String lastUpdate, @Nullable String deleted, @Nullable String card, @Nullable CounterpartyJson counterparty,
        List<Object> categories, @Nullable BigDecimal originalValue, @Nullable Currency originalCurrency,
        @Nullable Long idCategory) {
}
