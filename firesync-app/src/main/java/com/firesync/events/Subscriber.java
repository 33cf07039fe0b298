package com.firesync.events;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One open stream's place at the tail of the log: the events waiting for its client, at most {@code capacity}. The
 * tail never waits for a stream: when one is full, it is ended with reason {@code overflow}, and its client resumes
 * from the last event it got.
 */
final class Subscriber {

    /** Put after the last event of an ended stream. */
    static final Object END = new Object();

    private final @Nullable Long userId;

    private final int capacity;

    private final ArrayBlockingQueue<Object> queue;

    private volatile @Nullable String endReason;

    /**
     * @param userId whose events it takes, {@code null} for every user's
     */
    Subscriber(@Nullable Long userId, int capacity) {
        this.userId = userId;
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity + 1);
    }

    boolean wants(Event event) {
        return userId == null || userId == event.userId();
    }

    @Nullable
    Long userId() {
        return userId;
    }

    /** Queues an event unless the stream ended; ends it when its client is too far behind. */
    synchronized void offer(Event event) {
        if (endReason != null) {
            return;
        }
        if (queue.size() >= capacity) {
            end("overflow");
            return;
        }
        queue.add(event);
    }

    /** Ends the stream once the events already queued are delivered. */
    synchronized void end(String reason) {
        if (endReason == null) {
            endReason = reason;
            queue.add(END);
        }
    }

    boolean ended() {
        return endReason != null;
    }

    String endReason() {
        return endReason == null ? "closed" : endReason;
    }

    /** The next event or {@link #END}, or {@code null} when none came within {@code timeout}. */
    @Nullable
    Object next(Duration timeout) throws InterruptedException {
        return queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
