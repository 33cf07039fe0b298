package com.firesync.sandbox.api;

/**
 * Deterministic fault placement: call number {@code k} fails when {@code floor(k * share)} steps up, which spreads a
 * share of failures evenly (30% fails calls 4, 7, 10...), so a client that retries always gets through when the
 * share is at most one half, and a share of 1 fails every call.
 */
final class Spread {

    private Spread() {
    }

    static boolean fails(long k, double share) {
        return Math.floor(k * share) > Math.floor((k - 1) * share);
    }
}
