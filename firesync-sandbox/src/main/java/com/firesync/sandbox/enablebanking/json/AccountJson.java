package com.firesync.sandbox.enablebanking.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An {@code AccountResource}: one account of a session, {@code uid} being its id in this session only.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountJson(AccountIdJson accountId, List<GenericIdJson> allAccountIds, String name, String details,
        String usage, String cashAccountType, String product, String currency, String uid, String identificationHash,
        List<String> identificationHashes) {
}
