package com.firesync.testing;

import java.util.List;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties every FireSync table (not Flyway's history) so each test starts from an empty database. Tables are found in
 * the catalog, so a table added by a new migration is cleaned without editing this class.
 */
public final class DatabaseCleaner {

    private static final int DEADLOCK_ATTEMPTS = 5;

    private DatabaseCleaner() {
    }

    public static void clean(JdbcClient jdbc) {
        List<String> tables = jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type IN ('BASE TABLE', 'TABLE')
                  AND table_name <> 'flyway_schema_history'""").query(String.class).list();
        if (tables.isEmpty()) {
            return;
        }
        if (TestDatabase.isPostgres()) {
            truncate(jdbc, "TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
            return;
        }
        jdbc.sql("SET REFERENTIAL_INTEGRITY FALSE").update();
        for (String table : tables) {
            jdbc.sql("TRUNCATE TABLE " + table + " RESTART IDENTITY").update();
        }
        jdbc.sql("SET REFERENTIAL_INTEGRITY TRUE").update();
    }

    /**
     * Truncates, again when PostgreSQL chose it as a deadlock's victim: work the last test left running (the analytics
     * worker applying its last writes) may hold a row lock on one table while wanting another that the truncation has
     * taken. The retry then waits for that work to commit.
     */
    private static void truncate(JdbcClient jdbc, String sql) {
        for (int attempt = 1;; attempt++) {
            try {
                jdbc.sql(sql).update();
                return;
            } catch (PessimisticLockingFailureException e) {
                if (attempt == DEADLOCK_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
