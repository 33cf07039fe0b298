package com.firesync.sandbox.json;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Powens' {@code TransactionCounterparty}: the other side of a transfer.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CounterpartyJson(String label, @Nullable String accountSchemeName,
        @Nullable String accountIdentification, String type) {
}
