package com.firesync.analytics;

import org.jspecify.annotations.Nullable;

/**
 * The shape of a Monte Carlo projection.
 *
 * @param years how many years to project
 * @param runs how many runs to draw
 * @param seed the random seed; the same seed gives the same answer
 * @param meanReturn the mean yearly real return; the FIRE real return when {@code null}
 * @param volatility the standard deviation of the yearly return
 */
public record ProjectionQuery(int years, int runs, @Nullable Long seed, @Nullable Double meanReturn,
        @Nullable Double volatility) {

    static final long DEFAULT_SEED = 1;

    static final double DEFAULT_VOLATILITY = 0.15;
}
