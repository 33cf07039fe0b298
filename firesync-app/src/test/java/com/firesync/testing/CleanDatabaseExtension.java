package com.firesync.testing;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Empties the database before each test of a {@link FireSyncTest}.
 */
class CleanDatabaseExtension implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        JdbcClient jdbc = SpringExtension.getApplicationContext(context).getBean(JdbcClient.class);
        // a previous test's background work (first syncs, webhooks) finishes before its data goes
        Background.awaitQuiet(jdbc);
        DatabaseCleaner.clean(jdbc);
    }
}
