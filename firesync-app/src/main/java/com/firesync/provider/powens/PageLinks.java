package com.firesync.provider.powens;

import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderFailure;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Follows Powens' {@code _links.next.href}. The href is used verbatim but resolved against the configured base URL,
 * so it may be relative ({@code /2.0/users/me/transactions?...}, {@code /sandbox/2.0/...}) or absolute. An href that
 * lands on another scheme, host or port is refused: following it would send the user's bearer token elsewhere.
 */
final class PageLinks {

    private final URI base;

    PageLinks(URI baseUrl) {
        this.base = URI.create(baseUrl.toString().endsWith("/") ? baseUrl.toString() : baseUrl + "/");
    }

    /**
     * The URL of the next page.
     *
     * @throws ProviderException ({@link ProviderFailure.Permanent}) for an href to another origin or one that is not
     *         a URL
     */
    URI next(String href) {
        URI resolved;
        try {
            // a last_update filter echoed unencoded carries a space
            resolved = base.resolve(new URI(href.trim().replace(" ", "%20")));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ProviderException("Following Powens' next page link", new ProviderFailure.Permanent(
                    "invalid_next_link"));
        }
        if (!sameOrigin(resolved)) {
            throw new ProviderException("Following Powens' next page link",
                    new ProviderFailure.Permanent("foreign_next_link"));
        }
        return resolved;
    }

    private boolean sameOrigin(URI uri) {
        return scheme(uri).equals(scheme(base)) && host(uri).equals(host(base)) && port(uri) == port(base);
    }

    private static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    private static String host(URI uri) {
        return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equals(scheme(uri)) ? 443 : 80;
    }
}
