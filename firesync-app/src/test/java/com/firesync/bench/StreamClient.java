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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A lean event stream client for the {@code events} benchmark: keeps only each event's id and its delivery latency
 * (arrival less {@code occurredAt}), so that a thousand of them fit in the benchmark's JVM.
 */
abstract class StreamClient {

    private static final Pattern ID = Pattern.compile("\"id\":\"(\\d+)\"");

    private static final Pattern OCCURRED = Pattern.compile("\"occurredAt\":\"([^\"]+)\"");

    private final List<long[]> received = new ArrayList<>();

    private volatile @Nullable String ended;

    /** Records one event body: its id and how long after it occurred it arrived. */
    final void event(String json) {
        long arrived = System.currentTimeMillis();
        Matcher id = ID.matcher(json);
        Matcher occurred = OCCURRED.matcher(json);
        if (id.find() && occurred.find()) {
            long latency = arrived - Instant.parse(occurred.group(1)).toEpochMilli();
            synchronized (received) {
                received.add(new long[]{Long.parseLong(id.group(1)), latency});
            }
        }
    }

    /** Each event as {@code {id, latency ms}}, in arrival order. */
    final List<long[]> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    abstract void close();

    /** How the stream ended, when the server or the network ended it; {@code null} while it is open. */
    final @Nullable String ended() {
        return ended;
    }

    final void ended(String how) {
        if (ended == null) {
            ended = how;
        }
    }

    static StreamClient sse(HttpClient http, String base, String token, String query) {
        var client = new Sse();
        var request = HttpRequest.newBuilder(URI.create(base + "/api/events" + query))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        client.response = http.sendAsync(request, info -> {
            client.status.complete(info.statusCode());
            return HttpResponse.BodySubscribers.fromLineSubscriber(client.lines());
        });
        client.response.whenComplete((done, error) -> client.status.complete(-1));
        if (client.status.orTimeout(30, TimeUnit.SECONDS).join() != 200) {
            throw new IllegalStateException("SSE refused: " + client.status.join());
        }
        return client;
    }

    static StreamClient webSocket(HttpClient http, String base, String token, String query) {
        var client = new Socket();
        client.socket = http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .connectTimeout(Duration.ofSeconds(30))
                .buildAsync(URI.create(base.replace("http", "ws") + "/api/ws" + query), client)
                .orTimeout(30, TimeUnit.SECONDS)
                .join();
        return client;
    }

    private static final class Sse extends StreamClient {

        private final CompletableFuture<Integer> status = new CompletableFuture<>();

        private @Nullable CompletableFuture<HttpResponse<Void>> response;

        Flow.Subscriber<String> lines() {
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
                    if (line.startsWith("event: stream.closed") || line.startsWith("event:stream.closed")) {
                        ended("closed by the server");
                    }
                }

                @Override
                public void onError(Throwable throwable) {
                    ended("error: " + throwable);
                }

                @Override
                public void onComplete() {
                    ended("completed");
                }
            };
        }

        @Override
        void close() {
            if (response != null) {
                response.cancel(true);
            }
        }
    }

    private static final class Socket extends StreamClient implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        private @Nullable WebSocket socket;

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
            ended("closed " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ended("error: " + error);
        }

        @Override
        void close() {
            if (socket != null) {
                socket.abort();
            }
        }
    }
}
