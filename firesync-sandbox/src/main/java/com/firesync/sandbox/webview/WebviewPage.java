package com.firesync.sandbox.webview;

import com.firesync.sandbox.world.Bank;
import org.jspecify.annotations.Nullable;

/**
 * The webview's pages: the bank picker with its login form, and the error page. Self-contained HTML, no assets.
 */
final class WebviewPage {

    private static final String STYLE = "body{font-family:sans-serif;max-width:32rem;margin:2rem auto}"
            + "label{display:block;margin:.5rem 0}.error{color:#b00020}";

    private WebviewPage() {
    }

    static String form(boolean reconnect, @Nullable Bank fixedBank, @Nullable String error) {
        StringBuilder html = new StringBuilder(head(reconnect ? "Reconnect your bank" : "Connect your bank"));
        if (error != null) {
            html.append("<p class=\"error\" role=\"alert\">").append(Html.escape(error)).append("</p>");
        }
        html.append("<form method=\"post\" action=\"\"><fieldset><legend>Bank</legend>");
        for (Bank bank : Bank.values()) {
            if (fixedBank == null || fixedBank == bank) {
                html.append("<label><input type=\"radio\" name=\"bank\" value=\"").append(bank.code()).append('"')
                        .append(bank == Bank.DEMO || bank == fixedBank ? " checked" : "").append("> ")
                        .append(Html.escape(bank.displayName())).append("</label>");
            }
        }
        html.append("</fieldset><label>Login <input name=\"login\" autocomplete=\"username\"></label>")
                .append("<label>Password <input type=\"password\" name=\"password\"></label>")
                .append("<p>Test Bank logins choose a scenario: sca, sca:N, wrongpass, flaky, slow, ratelimit,")
                .append(" malformed, truncated, churn.</p>")
                .append("<button type=\"submit\" name=\"action\" value=\"connect\">Connect</button> ")
                .append("<button type=\"submit\" name=\"action\" value=\"cancel\">Cancel</button></form>");
        return html.append("</body></html>").toString();
    }

    static String error(String message) {
        return head("Webview error") + "<p class=\"error\" role=\"alert\">" + Html.escape(message)
                + "</p></body></html>";
    }

    private static String head(String title) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title)
                + " - FireSync sandbox</title><style>" + STYLE + "</style></head><body><h1>" + Html.escape(title)
                + "</h1>";
    }
}
