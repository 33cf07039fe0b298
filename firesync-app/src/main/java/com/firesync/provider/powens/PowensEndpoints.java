package com.firesync.provider.powens;

import java.net.URI;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where and as whom the client calls Powens, once every default is applied. This is the one place the sandbox
 * fallback is decided:
 * <ul>
 * <li>with credentials ({@code POWENS_CLIENT_ID}/{@code POWENS_CLIENT_SECRET}): {@code https://{domain}.biapi.pro/2.0}
 * and {@code https://webview.powens.com};</li>
 * <li>without: the built-in sandbox at {@code http://localhost:{port}/sandbox/2.0} and
 * {@code http://localhost:{port}/sandbox/webview}, as the sandbox's own client
 * ({@code firesync.sandbox.client-id}/{@code client-secret}, default {@code firesync-sandbox}/
 * {@code firesync-sandbox-secret});</li>
 * <li>{@code POWENS_BASE_URL} and {@code POWENS_WEBVIEW_URL} override the URLs either way.</li>
 * </ul>
 *
 * @param baseUrl the API base, without a trailing slash ({@code .../2.0})
 * @param webviewUrl the Webview base, without a trailing slash
 * @param domain the API host the Webview is told about ({@code domain=} parameter)
 * @param clientId the client application id
 * @param clientSecret the client application secret (never shown by {@link #toString()})
 * @param sandbox whether these point at the built-in sandbox
 */
record PowensEndpoints(URI baseUrl, URI webviewUrl, String domain, String clientId, String clientSecret,
        boolean sandbox) {

    static final String SANDBOX_CLIENT_ID = "firesync-sandbox";

    static final String SANDBOX_CLIENT_SECRET = "firesync-sandbox-secret";

    static final String POWENS_WEBVIEW = "https://webview.powens.com";

    PowensEndpoints {
        baseUrl = withoutTrailingSlash(baseUrl);
        webviewUrl = withoutTrailingSlash(webviewUrl);
    }

    /**
     * Applies the defaults to the settings.
     *
     * @param serverPort the port FireSync listens on (the sandbox is served there)
     * @param sandboxClientId the sandbox's configured client id, if set
     * @param sandboxClientSecret the sandbox's configured client secret, if set
     * @throws IllegalArgumentException when credentials are configured without a domain or base URL, or half of them
     */
    static PowensEndpoints resolve(PowensSettings settings, int serverPort, @Nullable String sandboxClientId,
            @Nullable String sandboxClientSecret) {
        if (!settings.hasCredentials()) {
            URI sandboxRoot = URI.create("http://localhost:" + serverPort + "/sandbox");
            URI base = Objects.requireNonNullElse(settings.baseUrl(), URI.create(sandboxRoot + "/2.0"));
            return new PowensEndpoints(base,
                    Objects.requireNonNullElse(settings.webviewUrl(), URI.create(sandboxRoot + "/webview")),
                    domainOf(settings.domain(), base), orDefault(sandboxClientId, SANDBOX_CLIENT_ID),
                    orDefault(sandboxClientSecret, SANDBOX_CLIENT_SECRET), settings.baseUrl() == null);
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
                domainOf(settings.domain(), base), settings.clientId(), settings.clientSecret(), false);
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

    private static String orDefault(@Nullable String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
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
                + ", clientId=" + clientId + ", clientSecret=[redacted], sandbox=" + sandbox + "]";
    }
}
