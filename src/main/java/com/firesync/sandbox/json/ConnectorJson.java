package com.firesync.sandbox.json;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A Powens connector (a bank), as expanded into a connection.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConnectorJson(long id, String uuid, String name, boolean hidden, boolean beta, String color,
        String authMechanism) {
}
