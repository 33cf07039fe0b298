package com.firesync.runtime;

import java.nio.file.Files;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says, once the service is ready, which database it uses and where to reach it. Never logs a secret: the JDBC URL
 * loses its parameters and the admin token is named by its file only.
 */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final DataSource dataSource;

    private final FireSyncSettings settings;

    private final Environment environment;

    StartupReport(DataSource dataSource, FireSyncSettings settings, Environment environment) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            log.info("Database connection established: {} {} at {}", meta.getDatabaseProductName(),
                    meta.getDatabaseProductVersion(), withoutParameters(meta.getURL()));
        } catch (SQLException e) {
            log.warn("Database connection check failed: {}", e.getMessage());
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "?"));
        var tokenFile = settings.adminTokenFile();
        log.info("FireSync server started on http://localhost:{} (data directory {}{})", port, settings.dataDir(),
                Files.exists(tokenFile) ? ", admin token in " + tokenFile : "");
    }

    static String withoutParameters(String url) {
        int cut = url.length();
        for (char separator : new char[]{'?', ';'}) {
            int at = url.indexOf(separator);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return url.substring(0, cut);
    }
}
