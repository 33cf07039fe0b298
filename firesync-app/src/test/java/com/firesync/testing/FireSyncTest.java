package com.firesync.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full-application test over real HTTP on a random port, against a database of its own (H2, or PostgreSQL in the
 * {@code postgresql} test run: tagged {@code database}, it runs in both), emptied before each test, with scheduled
 * jobs off.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("database")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"ENABLE_SCHEDULED_SYNC=false",
        // three accounts per connection (a Demo household's checking, Livret A and card), as the tests were written for
        "firesync.sandbox.accounts-per-connection=3"})
@ContextConfiguration(initializers = TestDatabase.class)
@ExtendWith(CleanDatabaseExtension.class)
public @interface FireSyncTest {
}
