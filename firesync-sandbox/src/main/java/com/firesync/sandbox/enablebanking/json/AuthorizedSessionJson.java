package com.firesync.sandbox.enablebanking.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The answer of {@code POST /sessions} ({@code AuthorizeSessionResponse}): full account objects.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorizedSessionJson(String sessionId, List<AccountJson> accounts, AspspRefJson aspsp, String psuType,
        AccessJson access) {
}
