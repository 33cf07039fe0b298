package com.firesync.testing;

import com.firesync.analytics.Rollups;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Empties the database before each test of a {@link FireSyncTest}.
 */
class CleanDatabaseExtension implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        JdbcClient jdbc = application.getBean(JdbcClient.class);
        // a previous test's background work (first syncs, webhooks) finishes before its data goes
        Background.awaitQuiet(jdbc);
        // and so do the analytics worker's passes over its last writes: a pass holding row locks in one roll-up table
        // while it wants another that the truncation has taken is a deadlock, every time the pass goes on
        Rollups rollups = application.getBean(Rollups.class);
        jdbc.sql("SELECT id FROM users").query(Long.class).list().forEach(user -> rollups.settle(user, true));
        DatabaseCleaner.clean(jdbc);
    }
}
