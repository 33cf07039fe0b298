package com.firesync.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The {@code Content-Security-Policy} of every answer. The API and FireSync's own HTML pages (the Powens callback page)
 * load nothing at all. The sandbox webview has an inline style sheet and a form that posts to itself and is then
 * redirected to the client's {@code redirect_uri} (browsers check {@code form-action} on that redirect too), so that
 * origin is allowed as a form target; Swagger UI, when enabled, loads its own scripts and styles. The dashboard (the
 * page at {@code /}, its files under {@code /dashboard/} and the libraries under {@code /webjars/}) loads scripts,
 * styles, images and fonts from FireSync only, never inline, and calls FireSync's API and event stream only
 * ({@code 'self'} covers {@code ws:}/{@code wss:} to the same host); its forms are handled by its scripts, never
 * submitted.
 */
class ContentSecurityPolicy implements HeaderWriter {

    static final String HEADER = "Content-Security-Policy";

    static final String API = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static final String WEBVIEW = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none';"
            + " base-uri 'none'; form-action 'self'";

    private static final String API_DOCS = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    static final String DASHBOARD = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (response.containsHeader(HEADER)) {
            return;
        }
        response.setHeader(HEADER, policyFor(request));
    }

    private static String policyFor(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith("/sandbox/webview/")) {
            return WEBVIEW + redirectOrigin(redirectUri(request));
        }
        if (path.startsWith("/swagger-ui")) {
            return API_DOCS;
        }
        if (isDashboard(path)) {
            return DASHBOARD;
        }
        return API;
    }

    private static boolean isDashboard(String path) {
        return path.equals("/") || path.equals("/index.html") || path.startsWith("/dashboard/")
                || path.startsWith("/webjars/");
    }

    private static @Nullable String redirectUri(HttpServletRequest request) {
        try {
            return request.getParameter("redirect_uri");
        } catch (IllegalStateException undecodable) {
            return null;
        }
    }

    /** The origin of the webview's redirect target, as a CSP source, or nothing when it is not an absolute URL. */
    private static String redirectOrigin(@Nullable String redirectUri) {
        if (redirectUri == null) {
            return "";
        }
        try {
            URI uri = new URI(redirectUri);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                return "";
            }
            return " " + scheme + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
