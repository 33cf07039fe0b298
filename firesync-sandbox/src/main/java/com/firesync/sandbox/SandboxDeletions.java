package com.firesync.sandbox;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The deletion routes' counters and fault knob: how many connection and user deletions the sandbox carried out, and
 * how many of the next deletions it refuses with a 503 (so that a test can watch a client retry a deletion).
 */
@Component
@ConditionalOnSandbox
public class SandboxDeletions {

    private final AtomicLong connections = new AtomicLong();

    private final AtomicLong users = new AtomicLong();

    private final AtomicLong refused = new AtomicLong();

    private final AtomicInteger failNext = new AtomicInteger();

    /** Refuses the next {@code count} deletion calls (connections and users alike) with 503 {@code websiteUnavailable}. */
    public void failNext(int count) {
        failNext.set(count);
    }

    /** Whether this deletion call is refused; counts it as refused when so. */
    public boolean refuse() {
        boolean refuse = failNext.getAndUpdate(left -> Math.max(left - 1, 0)) > 0;
        if (refuse) {
            refused.incrementAndGet();
        }
        return refuse;
    }

    public void connectionDeleted() {
        connections.incrementAndGet();
    }

    public void userDeleted() {
        users.incrementAndGet();
    }

    /** Connections deleted through {@code DELETE /users/me/connections/{id}} so far. */
    public long connectionDeletions() {
        return connections.get();
    }

    /** Users deleted through {@code DELETE /users/me} so far. */
    public long userDeletions() {
        return users.get();
    }

    /** Deletion calls refused by {@link #failNext(int)} so far. */
    public long refusedDeletions() {
        return refused.get();
    }
}
