package com.firesync.sandbox.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The one client application the sandbox knows: its id, its secret and its allowed webview redirect URIs.
 */
public final class Clients {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final String clientId;

    private final String clientSecret;

    private final Supplier<List<String>> redirectUris;

    private final boolean allowLocalRedirects;

    /**
     * A client whose exact allowed redirect URIs come from {@code redirectUris}, asked on each check because FireSync's
     * own callback is known only once its server has a port.
     */
    public Clients(String clientId, String clientSecret, Supplier<List<String>> redirectUris,
            boolean allowLocalRedirects) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUris = redirectUris;
        this.allowLocalRedirects = allowLocalRedirects;
    }

    public boolean knows(@Nullable String id) {
        return clientId.equals(id);
    }

    public boolean authenticates(@Nullable String id, @Nullable String secret) {
        return knows(id) && secret != null
                && MessageDigest.isEqual(clientSecret.getBytes(StandardCharsets.UTF_8),
                        secret.getBytes(StandardCharsets.UTF_8));
    }

    public boolean allowsRedirect(@Nullable String uri) {
        if (uri == null || uri.isBlank()) {
            return false;
        }
        if (redirectUris.get().contains(uri)) {
            return true;
        }
        try {
            URI parsed = URI.create(uri);
            return allowLocalRedirects && parsed.getHost() != null && LOCAL_HOSTS.contains(parsed.getHost())
                    && ("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
