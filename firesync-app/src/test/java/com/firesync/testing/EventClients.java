package com.firesync.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live event stream clients for tests: SSE over {@code java.net.http}, WebSocket over the JDK's client. Each collects
 * what it receives; tests await conditions on it.
 */
public final class EventClients {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private EventClients() {
    }

    /** What a stream received: events in arrival order, and how it ended. */
    public abstract static class Received {

        private final List<JsonNode> events = new CopyOnWriteArrayList<>();

        private final List<Instant> receivedAt = new CopyOnWriteArrayList<>();

        private volatile @Nullable String closing;

        private volatile int heartbeats;

        void event(JsonNode event) {
            receivedAt.add(Instant.now());
            events.add(event);
        }

        /** When each event arrived, in the order of {@link #events()}. */
        public List<Instant> receivedAt() {
            return List.copyOf(receivedAt);
        }

        void closing(String closing) {
            this.closing = closing;
        }

        void heartbeat() {
            heartbeats++;
        }

        public List<JsonNode> events() {
            return List.copyOf(events);
        }

        public List<Long> ids() {
            return events.stream().map(event -> Long.parseLong(event.get("id").asString())).toList();
        }

        public @Nullable String lastId() {
            return events.isEmpty() ? null : events.getLast().get("id").asString();
        }

        /** The closing word (JSON with reason and lastEventId), if the server ended the stream. */
        public @Nullable String closing() {
            return closing;
        }

        public int heartbeats() {
            return heartbeats;
        }

        /** Waits until the received events satisfy a condition, at most {@code timeout}. */
        public boolean await(Predicate<List<JsonNode>> condition, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (condition.test(events())) {
                    return true;
                }
                try {
                    Thread.sleep(5); // a polling step of the wait loop, not a synchronisation
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return condition.test(events());
        }

        public abstract void close();
    }

    /** An SSE client. */
    public static final class Sse extends Received {

        private final CompletableFuture<HttpResponse<Void>> response;

        private final CompletableFuture<Integer> status = new CompletableFuture<>();

        private Sse(HttpRequest request) {
            var lines = new SseLines(this);
            response = HTTP.sendAsync(request, info -> {
                status.complete(info.statusCode());
                return HttpResponse.BodySubscribers.fromLineSubscriber(lines);
            });
            response.whenComplete((done, error) -> status.complete(-1));
        }

        /**
         * Opens {@code GET <base>/api/events<query>} with the token and, if given, a {@code Last-Event-ID}.
         */
        public static Sse open(String base, String token, String query, @Nullable String lastEventId) {
            var request = HttpRequest.newBuilder(URI.create(base + "/api/events" + query))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            return new Sse(request.build());
        }

        /** The response status, once known. */
        public int status() {
            return status.orTimeout(10, TimeUnit.SECONDS).join();
        }

        @Override
        public void close() {
            response.cancel(true);
        }
    }

    /** Parses SSE lines into events. */
    private static final class SseLines implements java.util.concurrent.Flow.Subscriber<String> {

        private final Sse target;

        private final List<String> data = new ArrayList<>();

        private @Nullable String name;

        SseLines(Sse target) {
            this.target = target;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                String body = String.join("\n", data);
                if ("stream.closed".equals(name)) {
                    target.closing(body);
                } else if (!data.isEmpty()) {
                    target.event(JSON.readTree(body));
                }
                data.clear();
                name = null;
            } else if (line.startsWith("data:")) {
                data.add(line.substring(5).stripLeading());
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith(":heartbeat")) {
                target.heartbeat();
            }
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }

    /** A WebSocket client. */
    public static final class Ws extends Received implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        private volatile @Nullable WebSocket socket;

        private final CompletableFuture<Integer> closed = new CompletableFuture<>();

        /**
         * Opens {@code ws://<host>/api/ws<query>}, with a bearer header when {@code token} is given, sending a resume
         * frame first when {@code resume} is given.
         *
         * @throws java.util.concurrent.CompletionException when the upgrade is refused
         */
        public static Ws open(String base, @Nullable String token, String query, @Nullable String resume) {
            var client = new Ws();
            var builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            WebSocket socket = builder.buildAsync(URI.create(base.replace("http", "ws") + "/api/ws" + query), client)
                    .orTimeout(10, TimeUnit.SECONDS)
                    .join();
            client.socket = socket;
            if (resume != null) {
                socket.sendText("{\"resume\": \"" + resume + "\"}", true).join();
            }
            return client;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence text, boolean last) {
            partial.append(text);
            if (last) {
                event(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            heartbeat();
            return WebSocket.Listener.super.onPing(webSocket, message);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closing(reason);
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }

        /** The close code the server sent, once it closed. */
        public int closeCode(Duration timeout) {
            return closed.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
        }

        @Override
        public void close() {
            WebSocket open = socket;
            if (open != null) {
                open.abort();
            }
        }
    }
}
