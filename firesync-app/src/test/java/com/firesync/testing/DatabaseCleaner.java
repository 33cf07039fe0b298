package com.firesync.testing;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties every FireSync table (not Flyway's history) so each test starts from an empty database. Tables are found in
 * the catalog, so a table added by a new migration is cleaned without editing this class.
 */
public final class DatabaseCleaner {

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
            jdbc.sql("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE").update();
            return;
        }
        jdbc.sql("SET REFERENTIAL_INTEGRITY FALSE").update();
        for (String table : tables) {
            jdbc.sql("TRUNCATE TABLE " + table + " RESTART IDENTITY").update();
        }
        jdbc.sql("SET REFERENTIAL_INTEGRITY TRUE").update();
    }
}
