package com.firesync.runtime;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Process-wide settings. Each is read from its documented environment variable by {@link SettingsEnvironment}, which
 * validates it before the application starts.
 *
 * @param dataDir where FireSync keeps its files: the embedded database, the admin token, the encryption key
 *        ({@code FIRESYNC_DATA_DIR}, default {@code ./data})
 * @param scheduledSync whether the scheduled jobs run ({@code ENABLE_SCHEDULED_SYNC}, default {@code true})
 * @param apiDocs whether the OpenAPI description and Swagger UI are served ({@code ENABLE_API_DOCS}, default
 *        {@code false})
 */
@ConfigurationProperties("firesync")
@Validated
public record FireSyncSettings(Path dataDir, boolean scheduledSync, boolean apiDocs) {

    /**
     * The file holding the admin bootstrap token.
     */
    public Path adminTokenFile() {
        return dataDir.resolve("admin-token");
    }
}
