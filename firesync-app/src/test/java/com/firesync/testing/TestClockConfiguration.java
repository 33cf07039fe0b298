package com.firesync.testing;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the application's clock with a {@link MutableClock} that tests move by hand; FireSync and the in-app
 * sandbox then share one notion of now.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    /** A Monday in summer time, far from any edge the tests do not mean to hit. */
    public static final Instant START = Instant.parse("2026-06-15T10:00:00Z");

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(START);
    }
}
