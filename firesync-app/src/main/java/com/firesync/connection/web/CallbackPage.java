package com.firesync.connection.web;

import com.firesync.connection.ConnectFlow;
import com.firesync.connection.ConnectFlow.CallbackOutcome;
import com.firesync.shared.ApiException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The small HTML page a browser sees after the webview. Everything echoed is escaped; the page loads nothing and runs
 * no script. Its one link leads back to FireSync's dashboard (a fixed same-origin path: nothing from the request
 * chooses where it goes).
 */
final class CallbackPage {

    private CallbackPage() {
    }

    static ResponseEntity<String> of(CallbackOutcome outcome) {
        if (outcome.outcome() == CallbackOutcome.Result.ERROR) {
            String why = "access_denied".equals(outcome.error())
                    ? "You cancelled the bank connection."
                    : "The bank connection did not complete (" + outcome.error() + ").";
            String detail = outcome.errorDescription() == null ? "" : " " + outcome.errorDescription();
            return page(HttpStatus.OK, "Bank connection not completed", why + detail);
        }
        String what = outcome.flow() == ConnectFlow.Flow.RECONNECT
                ? "Your bank connection is repaired."
                : "Your bank is connected (connection " + outcome.connectionIds() + ").";
        return page(HttpStatus.OK, "Bank connected", what + " FireSync is fetching your accounts and transactions.");
    }

    static ResponseEntity<String> refused(ApiException refused) {
        return page(refused.status(), "Bank connection refused", String.valueOf(refused.getMessage()));
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String message) {
        String html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title></head>
                <body><h1>%s</h1><p>%s</p>
                <p><a href="/" id="dashboard">Back to the FireSync dashboard</a>, or close this window.</p></body></html>
                """
                .formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(message));
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", "default-src 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .body(html);
    }
}
