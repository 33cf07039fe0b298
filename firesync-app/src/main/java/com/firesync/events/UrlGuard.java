package com.firesync.events;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps webhooks from reaching into FireSync's own network (SSRF): a URL must be http or https, and its host must
 * resolve only to public addresses, unless private ones are allowed. Checked when an endpoint is registered and again
 * before each delivery, since what a name resolves to may change.
 */
final class UrlGuard {

    private UrlGuard() {
    }

    /** Why the URL is refused, or nothing when it may be called. */
    static Optional<String> refusal(String url, boolean allowPrivate) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getUserInfo() != null) {
            return Optional.of("must be an http or https URL with a host and no credentials");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (internal(address)) {
                    return Optional.of("resolves to a loopback, private, link-local or multicast address");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("has a host that does not resolve");
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress address) {
        byte[] raw = address.getAddress();
        boolean uniqueLocal = address instanceof Inet6Address && (raw[0] & 0xfe) == 0xfc;
        boolean sharedSpace = raw.length == 4 && (raw[0] & 0xff) == 100 && (raw[1] & 0xc0) == 64;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isMulticastAddress() || address.isAnyLocalAddress() || uniqueLocal || sharedSpace;
    }
}
