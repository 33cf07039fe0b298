package com.firesync.provider.powens;

import java.net.URI;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where and as whom the client calls Powens, once every default is applied: {@code https://{domain}.biapi.pro/2.0}
 * and {@code https://webview.powens.com}, unless {@code POWENS_BASE_URL} and {@code POWENS_WEBVIEW_URL} say otherwise
 * (a proxy, a test server, or the built-in sandbox, whose module offers its URLs and client when no Powens client is
 * configured: see {@code application.yml}).
 *
 * @param baseUrl the API base, without a trailing slash ({@code .../2.0})
 * @param webviewUrl the Webview base, without a trailing slash
 * @param domain the API host the Webview is told about ({@code domain=} parameter)
 * @param clientId the client application id
 * @param clientSecret the client application secret (never shown by {@link #toString()})
 */
record PowensEndpoints(URI baseUrl, URI webviewUrl, String domain, String clientId, String clientSecret) {

    static final String POWENS_WEBVIEW = "https://webview.powens.com";

    PowensEndpoints {
        baseUrl = withoutTrailingSlash(baseUrl);
        webviewUrl = withoutTrailingSlash(webviewUrl);
    }

    /**
     * Applies the defaults to the settings.
     *
     * @throws IllegalArgumentException when no client, half of one, or a client without a domain or base URL is
     *         configured
     */
    static PowensEndpoints resolve(PowensSettings settings) {
        if (!settings.hasCredentials()) {
            throw new IllegalArgumentException("Set POWENS_CLIENT_ID, POWENS_CLIENT_SECRET and POWENS_DOMAIN: no "
                    + "Powens client is configured and the built-in sandbox is off (firesync.sandbox.enabled=false "
                    + "or a prod profile) or not on the class path");
        }
        if (settings.clientId() == null || settings.clientSecret() == null) {
            throw new IllegalArgumentException("Set both POWENS_CLIENT_ID and POWENS_CLIENT_SECRET, or neither");
        }
        if (settings.domain() == null && settings.baseUrl() == null) {
            throw new IllegalArgumentException(
                    "POWENS_DOMAIN (or POWENS_BASE_URL) is required with Powens credentials");
        }
        URI base = settings.baseUrl() != null
                ? settings.baseUrl()
                : URI.create("https://" + host(Objects.requireNonNull(settings.domain())) + "/2.0");
        return new PowensEndpoints(base, Objects.requireNonNullElse(settings.webviewUrl(), URI.create(POWENS_WEBVIEW)),
                domainOf(settings.domain(), base), settings.clientId(), settings.clientSecret());
    }

    /**
     * The API host of a Powens domain: {@code acme} becomes {@code acme.biapi.pro}; a full host stays as it is.
     */
    static String host(String domain) {
        String host = domain.contains(".") ? domain : domain + ".biapi.pro";
        if (!host.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("POWENS_DOMAIN must be a domain name such as acme-sandbox");
        }
        return host;
    }

    private static String domainOf(@Nullable String domain, URI base) {
        return domain != null ? host(domain) : Objects.requireNonNull(base.getRawAuthority(), "base URL host");
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("Powens URLs must be absolute http or https URLs");
        }
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }

    @Override
    public String toString() {
        return "PowensEndpoints[baseUrl=" + baseUrl + ", webviewUrl=" + webviewUrl + ", domain=" + domain
                + ", clientId=" + clientId + ", clientSecret=[redacted]]";
    }
}
