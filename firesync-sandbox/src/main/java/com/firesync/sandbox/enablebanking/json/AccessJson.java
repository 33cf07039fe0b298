package com.firesync.sandbox.enablebanking.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A consent's {@code Access}: {@code valid_until} (RFC 3339 with offset) and what it covers.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessJson(@Nullable String validUntil, @Nullable Boolean balances, @Nullable Boolean transactions,
        @Nullable List<Map<String, Object>> accounts) {
}
