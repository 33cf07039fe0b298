package com.firesync.sandbox.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A Powens connection; {@code connector}, {@code accounts} (the enabled accounts) and {@code all_accounts} (disabled
 * ones too) appear only when expanded.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConnectionJson(long id, long idUser, long idConnector, String connectorUuid, @Nullable String state,
        @Nullable String error, @Nullable String errorMessage, String lastUpdate, String created, boolean active,
        @Nullable String lastPush, String expire, @Nullable String nextTry,
        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<ConnectorJson> connector,
        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<List<AccountJson>> accounts,
        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<List<AccountJson>> allAccounts) {
}
