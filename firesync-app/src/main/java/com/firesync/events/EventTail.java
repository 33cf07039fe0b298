package com.firesync.events;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Follows the log on this instance and hands each new event, in id order, to the open streams that want it. Woken by
 * a commit here or a notification from another instance, and reads the log at least every {@code poll} anyway: the
 * log is the source of truth, a lost notification only delays. An id missing from the log (its transaction still
 * open) holds back the events after it until {@link GapWitness} says it will never come, so that streams never get
 * an event before an earlier one, nor lose one that commits late. Ends every stream first when the instance stops, each with its resume point.
 */
@Component
class EventTail implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventTail.class);

    private static final int BATCH = 500;

    private static final long GAP_RECHECK_MS = 20;

    private static final java.time.Duration CLOSING_WAIT = java.time.Duration.ofSeconds(2);

    private final EventLog events;

    private final EventSettings settings;

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

    private final Semaphore wake = new Semaphore(0);

    private final Object dispatch = new Object();

    private long watermark;

    private final GapWitness gaps;

    private GapWitness.@Nullable Gap gap;

    private volatile boolean running;

    private @Nullable Thread thread;

    EventTail(EventLog events, EventSettings settings, GapWitness gaps) {
        this.events = events;
        this.settings = settings;
        this.gaps = gaps;
    }

    /**
     * Adds a stream, and answers the id up to which the log was dispatched: the stream replays what it missed up to
     * there from the log, and gets every later event from the tail.
     */
    long subscribe(Subscriber subscriber) {
        rewindIfEmptied();
        synchronized (dispatch) {
            subscribers.add(subscriber);
            return watermark;
        }
    }

    void unsubscribe(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    /** Something was committed: read the log now. */
    void signal() {
        wake.release();
    }

    int open() {
        return subscribers.size();
    }

    @Override
    public void start() {
        watermark = events.lastId();
        running = true;
        thread = Thread.ofPlatform().daemon().name("event-tail").start(this::follow);
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        subscribers.forEach(subscriber -> subscriber.end("shutdown"));
        awaitClosed();
        Thread follower = thread;
        if (follower != null) {
            try {
                follower.join(settings.poll().toMillis() * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Lets the streams send their closing word (each leaves the set when done) before the server goes. */
    private void awaitClosed() {
        long deadline = System.nanoTime() + CLOSING_WAIT.toNanos();
        try {
            while (!subscribers.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void follow() {
        while (running) {
            boolean waitingForGap = false;
            try {
                waitingForGap = drain();
            } catch (RuntimeException e) {
                log.warn("Could not read the event log: {}", e.toString());
            }
            try {
                wake.tryAcquire(waitingForGap ? GAP_RECHECK_MS : settings.poll().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Dispatches what the log has past the watermark; answers whether a missing id holds the rest back. */
    private boolean drain() {
        boolean reread = false;
        read : for (;;) {
            List<Event> batch = events.after(null, watermark, BATCH);
            if (batch.isEmpty()) {
                rewindIfEmptied();
            }
            for (Event event : batch) {
                if (event.position() != watermark + 1) {
                    if (!gapExpired()) {
                        return true;
                    }
                    if (!reread) {
                        // what could fill the gap has ended, maybe by committing it after this batch was read: read
                        // again before passing it, or a just-committed event would be skipped for good
                        reread = true;
                        continue read;
                    }
                }
                reread = false;
                gap = null;
                synchronized (dispatch) {
                    for (Subscriber subscriber : subscribers) {
                        if (subscriber.wants(event)) {
                            subscriber.offer(event);
                        }
                    }
                    watermark = event.position();
                }
            }
            if (batch.size() < BATCH) {
                return false;
            }
        }
    }

    /**
     * A log emptied and restarted (a restored database, a test's clean slate) is followed from its new end. Its end is
     * read under the dispatch lock: read before it, the tail could pass that end meanwhile and be sent back, or a new
     * stream be given a watermark the tail has already passed.
     */
    private void rewindIfEmptied() {
        synchronized (dispatch) {
            long last = events.lastId();
            if (last < watermark) {
                watermark = last;
            }
        }
    }

    private boolean gapExpired() {
        GapWitness.Gap seen = gap;
        if (seen == null) {
            gap = gaps.seen();
            return false;
        }
        return gaps.settled(seen);
    }
}
