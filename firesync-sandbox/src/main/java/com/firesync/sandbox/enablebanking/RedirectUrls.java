package com.firesync.sandbox.enablebanking;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The application's redirect URLs: those configured, allowed exactly, and with {@code allow-local-redirects} any
 * http(s) URL on this machine, as the Powens face allows.
 */
final class RedirectUrls {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Supplier<List<String>> configured;

    private final boolean allowLocal;

    RedirectUrls(Supplier<List<String>> configured, boolean allowLocal) {
        this.configured = configured;
        this.allowLocal = allowLocal;
    }

    List<String> configured() {
        return List.copyOf(configured.get());
    }

    boolean allows(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        if (configured.get().contains(url)) {
            return true;
        }
        try {
            URI parsed = URI.create(url);
            return allowLocal && parsed.getHost() != null && LOCAL_HOSTS.contains(parsed.getHost())
                    && ("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()))
                    && parsed.getRawQuery() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
