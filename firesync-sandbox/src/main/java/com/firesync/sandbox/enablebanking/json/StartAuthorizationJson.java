package com.firesync.sandbox.enablebanking.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The body of {@code POST /auth} ({@code StartAuthorizationRequest}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StartAuthorizationJson(@Nullable AccessJson access, @Nullable AspspRefJson aspsp, @Nullable String state,
        @Nullable String redirectUrl, @Nullable String psuType, @Nullable String authMethod,
        @Nullable Map<String, String> credentials, @Nullable Boolean credentialsAutosubmit, @Nullable String language,
        @Nullable String psuId) {
}
