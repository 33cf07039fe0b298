package com.firesync.sandbox.enablebanking.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One way of authorising at an ASPSP ({@code AuthMethod}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthMethodJson(String name, String title, String psuType, String approach, boolean hiddenMethod,
        List<Map<String, Object>> credentials) {
}
