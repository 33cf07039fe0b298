package com.firesync.sync;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Bounds the syncs that run in the background on this instance: at most {@link #PER_USER} of one user's connections
 * at once, whatever started them (first syncs after a link, bulk runs), and at most {@link #FIRST_SYNCS} first syncs
 * at once; a bulk run brings its own bound. First syncs used to run all at once (one virtual thread per link), so a
 * burst of links meant as many syncs at once, each with the pages it fetched. A user's ledger writes commit one after
 * another (each takes the user's change head, {@code ledger.ChangeVersions}), so more of one user's syncs at once only
 * wait for it with their pages in memory. A sync waits for a slot of its user's before it takes one of its bound's,
 * so a user's waiting syncs hold none of the others'; and a user's own bulk run (an API request) waits for nobody
 * else's syncs but the user's. Scheduled syncs are bounded by the scheduler's threads instead.
 */
@Component
class SyncSlots {

    /** First syncs in flight at once on this instance; the provider's limits bound the calls beneath. */
    static final int FIRST_SYNCS = 32;

    /** Syncs of one user's connections in flight at once. */
    static final int PER_USER = 4;

    private final Semaphore firstSyncs = new Semaphore(FIRST_SYNCS);

    /** One entry per user with syncs waiting or running, removed when the last one ends. */
    private final Map<Long, UserSlots> users = new ConcurrentHashMap<>();

    /** Runs a first sync once a slot of the user's and one of the first syncs' are free. */
    <T> T firstSync(long userId, Supplier<T> sync) throws InterruptedException {
        return run(userId, firstSyncs, sync);
    }

    /** Runs {@code sync} once a slot of the user's and one of {@code bound}'s are free. */
    <T> T run(long userId, Semaphore bound, Supplier<T> sync) throws InterruptedException {
        UserSlots user = users.compute(userId, (id, slots) -> (slots == null ? new UserSlots() : slots).enter());
        try {
            user.semaphore.acquire();
            try {
                bound.acquire();
                try {
                    return sync.get();
                } finally {
                    bound.release();
                }
            } finally {
                user.semaphore.release();
            }
        } finally {
            users.computeIfPresent(userId, (id, slots) -> slots.leave());
        }
    }

    /** A user's slots and how many syncs use them; only changed inside the map's {@code compute}. */
    private static final class UserSlots {

        final Semaphore semaphore = new Semaphore(PER_USER, true);

        int syncs;

        UserSlots enter() {
            syncs++;
            return this;
        }

        @Nullable
        UserSlots leave() {
            syncs--;
            return syncs == 0 ? null : this;
        }
    }
}
