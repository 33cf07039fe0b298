package com.firesync.sandbox.enablebanking.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One bank of {@code GET /aspsps} ({@code ASPSPData}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AspspJson(String name, String country, String logo, List<String> psuTypes,
        List<AuthMethodJson> authMethods, long maximumConsentValidity, SandboxInfoJson sandbox, boolean beta,
        String bic, List<String> requiredPsuHeaders) {
}
