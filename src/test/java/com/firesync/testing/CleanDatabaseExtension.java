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
        DatabaseCleaner.clean(SpringExtension.getApplicationContext(context).getBean(JdbcClient.class));
    }
}
