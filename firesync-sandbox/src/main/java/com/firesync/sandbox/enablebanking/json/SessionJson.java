package com.firesync.sandbox.enablebanking.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The answer of {@code GET /sessions/{id}} ({@code GetSessionResponse}): account uids only.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionJson(String status, List<String> accounts, List<AccountDataJson> accountsData, AspspRefJson aspsp,
        String psuType, String psuIdHash, AccessJson access, String created, @Nullable String authorized,
        @Nullable String closed) {
}
