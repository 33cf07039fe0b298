package com.firesync.events;

import com.firesync.shared.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Opens live event streams: each replays from the log what its client missed since the event it names, then follows
 * the tail, on a thread of its own. A token holds at most {@code maxStreamsPerToken} streams on one instance.
 */
@Service
public class EventStreams {

    /** The stream kinds, as metrics tag them. */
    public static final List<String> KINDS = List.of("sse", "websocket");

    private static final int REPLAY_PAGE = 200;

    private final EventTail tail;

    private final EventLog log;

    private final EventSettings settings;

    private final MeterRegistry meters;

    private final Clock clock;

    private final Map<String, AtomicInteger> byToken = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> byKind = new ConcurrentHashMap<>();

    EventStreams(EventTail tail, EventLog log, EventSettings settings, MeterRegistry meters, Clock clock) {
        this.tail = tail;
        this.log = log;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
        for (String kind : KINDS) {
            AtomicInteger open = byKind.computeIfAbsent(kind, key -> new AtomicInteger());
            Gauge.builder(MetricNames.EVENT_STREAMS, open, AtomicInteger::get).tag("kind", kind).register(meters);
        }
    }

    /**
     * Reads a client's resume point: an event id it received, or nothing when it is not one.
     */
    public static Optional<Long> position(String raw) {
        String value = raw.strip();
        return value.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(value)) : Optional.empty();
    }

    /**
     * Takes one of the token's stream slots, for a stream about to open.
     *
     * @param tokenKey the token's hash
     * @throws StreamLimitException when the token holds as many streams as it may
     */
    public Slot reserve(String tokenKey) {
        AtomicInteger held = byToken.computeIfAbsent(tokenKey, key -> new AtomicInteger());
        if (held.incrementAndGet() > settings.maxStreamsPerToken()) {
            held.decrementAndGet();
            throw new StreamLimitException(settings.maxStreamsPerToken());
        }
        return new Slot(held);
    }

    /**
     * Opens a stream on a reserved slot, which it frees when it ends.
     *
     * @param kind one of {@link #KINDS}
     * @param userId whose events it carries, {@code null} for every user's (an admin's)
     * @param after the last event id the client got: what follows it is replayed; {@code null} for new events only
     */
    public OpenStream open(Slot slot, String kind, @Nullable Long userId, @Nullable Long after, EventSink sink) {
        var subscriber = new Subscriber(userId, settings.streamBuffer());
        long watermark = tail.subscribe(subscriber);
        AtomicInteger open = byKind.computeIfAbsent(kind, key -> new AtomicInteger());
        open.incrementAndGet();
        Timer delivery = Timer.builder(MetricNames.EVENT_DELIVERY).tag("kind", kind).register(meters);
        Thread.ofVirtual().name("event-stream-" + kind).start(() -> {
            try {
                new StreamPump(subscriber, sink, delivery).run(after, watermark);
            } finally {
                tail.unsubscribe(subscriber);
                open.decrementAndGet();
                slot.release();
            }
        });
        return new OpenStream(subscriber);
    }

    /**
     * One stream's delivery loop: replay up to the watermark, then the tail's events, heartbeats when idle, and a
     * closing word with the resume point.
     */
    private final class StreamPump {

        private final Subscriber subscriber;

        private final EventSink sink;

        private final Timer delivery;

        private long last;

        StreamPump(Subscriber subscriber, EventSink sink, Timer delivery) {
            this.subscriber = subscriber;
            this.sink = sink;
            this.delivery = delivery;
        }

        void run(@Nullable Long after, long watermark) {
            last = after == null ? watermark : after;
            try {
                replay(watermark);
                follow();
            } catch (java.io.IOException | RuntimeException e) {
                subscriber.end("client_gone");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void replay(long watermark) throws java.io.IOException {
            while (last < watermark) {
                List<Event> page = log.after(subscriber.userId(), last, REPLAY_PAGE);
                for (Event event : page) {
                    if (event.position() > watermark) {
                        return;
                    }
                    deliver(event);
                }
                if (page.size() < REPLAY_PAGE) {
                    return;
                }
            }
        }

        private void follow() throws java.io.IOException, InterruptedException {
            for (;;) {
                Object next = subscriber.next(settings.heartbeat());
                if (next == null) {
                    sink.heartbeat();
                } else if (next == Subscriber.END) {
                    sink.close(subscriber.endReason(), last == 0 ? null : Long.toString(last));
                    return;
                } else if (next instanceof Event event && event.position() > last) {
                    deliver(event);
                }
            }
        }

        private void deliver(Event event) throws java.io.IOException {
            sink.send(event);
            last = event.position();
            delivery.record(Duration.between(event.occurredAt(), clock.instant()).abs());
        }
    }

    /** A token's claim on one open stream. */
    public static final class Slot {

        private final AtomicInteger held;

        private boolean released;

        Slot(AtomicInteger held) {
            this.held = held;
        }

        /** Gives the slot back; only the first call counts. */
        public synchronized void release() {
            if (!released) {
                released = true;
                held.decrementAndGet();
            }
        }
    }

    /** A stream that is open; its client may go away. */
    public static final class OpenStream {

        private final Subscriber subscriber;

        OpenStream(Subscriber subscriber) {
            this.subscriber = subscriber;
        }

        /** The client went away: the stream ends without a word. */
        public void cancel() {
            subscriber.end("client_gone");
        }
    }
}
