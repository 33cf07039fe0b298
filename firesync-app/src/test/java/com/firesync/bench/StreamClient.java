package com.firesync.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A lean event stream client for the {@code events} benchmark: keeps only each event's id and its delivery latency
 * (arrival less {@code occurredAt}), so that a thousand of them fit in the benchmark's JVM. It behaves as the README
 * tells a client to: when the server ends its stream (an overflow, a shutdown) or the connection breaks, it opens a
 * new one resuming after the last event it got, and counts it.
 */
abstract class StreamClient {

    private static final Pattern ID = Pattern.compile("\"id\":\"(\\d+)\"");

    private static final Pattern OCCURRED = Pattern.compile("\"occurredAt\":\"([^\"]+)\"");

    private static final Duration REOPEN_AFTER = Duration.ofMillis(200);

    final HttpClient http;

    final String base;

    final String token;

    /** {@code ""} or {@code ?scope=all}. */
    final String query;

    private final List<long[]> received = new ArrayList<>();

    private final List<String> endings = new ArrayList<>();

    private volatile long lastId;

    private volatile boolean closing;

    StreamClient(HttpClient http, String base, String token, String query) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.query = query;
    }

    static StreamClient sse(HttpClient http, String base, String token, String query) {
        var client = new Sse(http, base, token, query);
        client.open(null);
        return client;
    }

    static StreamClient webSocket(HttpClient http, String base, String token, String query) {
        var client = new Socket(http, base, token, query);
        client.open(null);
        return client;
    }

    /**
     * Opens a stream, resuming after {@code after} when given, and waits until the server accepted it.
     *
     * @throws IllegalStateException when the server refused it
     */
    abstract void open(@Nullable Long after);

    /** Ends the stream on the client's side, for good. */
    final void close() {
        closing = true;
        abort();
    }

    abstract void abort();

    /** Records one event body: its id and how long after it occurred it arrived. */
    final void event(String json) {
        long arrived = System.currentTimeMillis();
        Matcher id = ID.matcher(json);
        Matcher occurred = OCCURRED.matcher(json);
        if (id.find() && occurred.find()) {
            long latency = arrived - Instant.parse(occurred.group(1)).toEpochMilli();
            long position = Long.parseLong(id.group(1));
            synchronized (received) {
                received.add(new long[]{position, latency});
                lastId = Math.max(lastId, position);
            }
        }
    }

    /** Each event as {@code {id, latency ms}}, in arrival order. */
    final List<long[]> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** How each of its streams ended before this one, when the server or the network ended it. */
    final List<String> endings() {
        synchronized (endings) {
            return List.copyOf(endings);
        }
    }

    /** One stream ended (called once per stream): unless the client is closing, another resumes where it stopped. */
    final void ended(String how) {
        synchronized (endings) {
            endings.add(how);
        }
        if (!closing) {
            reopen();
        }
    }

    private void reopen() {
        CompletableFuture.delayedExecutor(REOPEN_AFTER.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (closing) {
                return;
            }
            try {
                open(lastId == 0 ? null : lastId);
            } catch (RuntimeException e) {
                // refused for now (the ended stream's slot not given back yet): try again
                reopen();
            }
        });
    }

    private static final class Sse extends StreamClient {

        private volatile @Nullable CompletableFuture<HttpResponse<Void>> response;

        Sse(HttpClient http, String base, String token, String query) {
            super(http, base, token, query);
        }

        @Override
        void open(@Nullable Long after) {
            var request = HttpRequest.newBuilder(URI.create(base + "/api/events" + query))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream");
            if (after != null) {
                request.header("Last-Event-ID", Long.toString(after));
            }
            var status = new CompletableFuture<Integer>();
            var once = new AtomicBoolean();
            var opened = http.sendAsync(request.build(), info -> {
                status.complete(info.statusCode());
                return HttpResponse.BodySubscribers.fromLineSubscriber(lines(once));
            });
            opened.whenComplete((done, error) -> status.complete(-1));
            response = opened;
            int code = status.orTimeout(30, TimeUnit.SECONDS).join();
            if (code != 200) {
                opened.cancel(true);
                throw new IllegalStateException("SSE refused: " + code);
            }
        }

        private Flow.Subscriber<String> lines(AtomicBoolean once) {
            return new Flow.Subscriber<>() {

                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(String line) {
                    if (line.startsWith("data:")) {
                        event(line);
                    }
                }

                @Override
                public void onError(Throwable throwable) {
                    if (once.compareAndSet(false, true)) {
                        ended("SSE error: " + throwable);
                    }
                }

                @Override
                public void onComplete() {
                    if (once.compareAndSet(false, true)) {
                        ended("SSE ended by the server");
                    }
                }
            };
        }

        @Override
        void abort() {
            var open = response;
            if (open != null) {
                open.cancel(true);
            }
        }
    }

    private static final class Socket extends StreamClient {

        private volatile @Nullable WebSocket socket;

        Socket(HttpClient http, String base, String token, String query) {
            super(http, base, token, query);
        }

        @Override
        void open(@Nullable Long after) {
            String resume = after == null ? "" : (query.isEmpty() ? "?" : "&") + "lastEventId=" + after;
            socket = http.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token)
                    .connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create(base.replace("http", "ws") + "/api/ws" + query + resume), new Listener())
                    .orTimeout(30, TimeUnit.SECONDS)
                    .join();
        }

        @Override
        void abort() {
            var open = socket;
            if (open != null) {
                open.abort();
            }
        }

        /** One socket's listener: its frames, and its end once. */
        private final class Listener implements WebSocket.Listener {

            private final StringBuilder partial = new StringBuilder();

            private final AtomicBoolean once = new AtomicBoolean();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence text, boolean last) {
                partial.append(text);
                if (last) {
                    event(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                if (once.compareAndSet(false, true)) {
                    ended("WebSocket closed " + statusCode + " " + reason);
                }
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                if (once.compareAndSet(false, true)) {
                    ended("WebSocket error: " + error);
                }
            }
        }
    }
}
