package com.firesync.sandbox.json;

import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A Powens connector (a bank), as expanded into a connection.
 *
 * @param charged whether using the connector is billed
 * @param capabilities what the connector supports ({@code bank}: accounts and transactions)
 * @param restricted whether new connections are refused
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConnectorJson(long id, String uuid, String name, boolean hidden, boolean charged, boolean beta,
        String color, List<String> capabilities, String authMechanism, boolean restricted) {
}
