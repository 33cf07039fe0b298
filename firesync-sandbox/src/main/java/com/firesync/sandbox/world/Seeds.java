package com.firesync.sandbox.world;

/**
 * Mixes a seed with ids into a well-spread 64-bit value, so that the random stream of any account on any day can be
 * opened directly without replaying earlier days.
 */
final class Seeds {

    private Seeds() {
    }

    static long mix(long seed, long... parts) {
        long h = splitMix(seed);
        for (long part : parts) {
            h = splitMix(h ^ splitMix(part + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    private static long splitMix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
