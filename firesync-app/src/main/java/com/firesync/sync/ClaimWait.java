package com.firesync.sync;

import java.time.Duration;

/**
 * Growing pauses while another writer holds a connection: {@value #ATTEMPTS} attempts, about half a minute in all,
 * after which the work is left to the next sync, which reads everything after its cursor anyway.
 */
final class ClaimWait {

    static final int ATTEMPTS = 10;

    private static final Duration FIRST = Duration.ofMillis(200);

    private static final Duration LONGEST = Duration.ofSeconds(5);

    private ClaimWait() {
    }

    /**
     * Waits before attempt {@code attempt + 1}; answers {@code false} when no attempt is left or the thread is
     * interrupted.
     */
    static boolean before(int attempt) {
        if (attempt >= ATTEMPTS) {
            return false;
        }
        Duration pause = FIRST.multipliedBy(1L << Math.min(attempt - 1, 10));
        try {
            // real waiting: another instance's sync is what we wait for
            Thread.sleep(pause.compareTo(LONGEST) > 0 ? LONGEST : pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
