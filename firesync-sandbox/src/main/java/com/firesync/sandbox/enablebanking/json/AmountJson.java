package com.firesync.sandbox.enablebanking.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Enable Banking's {@code AmountType}: a currency and a decimal string with a dot.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AmountJson(String currency, String amount) {
}
