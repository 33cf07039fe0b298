package com.firesync.sandbox.enablebanking;

import org.jspecify.annotations.Nullable;

/**
 * The authorisation page's HTML: the bank's login form (a Test Bank login chooses a scenario, as in the Powens
 * webview) and the error page. Self-contained, no assets.
 */
final class AuthorizationPage {

    private static final String STYLE = "body{font-family:sans-serif;max-width:32rem;margin:2rem auto}"
            + "label{display:block;margin:.5rem 0}.error{color:#b00020}";

    private AuthorizationPage() {
    }

    static String form(String bankName, String validUntil, @Nullable String error) {
        StringBuilder html = new StringBuilder(head("Authorise access to " + bankName));
        if (error != null) {
            html.append("<p class=\"error\" role=\"alert\">").append(escape(error)).append("</p>");
        }
        return html.append("<p>The application asks to read your accounts, balances and transactions until ")
                .append(escape(validUntil))
                .append(".</p><form method=\"post\" action=\"\">")
                .append("<label>Login <input name=\"login\" autocomplete=\"username\"></label>")
                .append("<label>Password <input type=\"password\" name=\"password\"></label>")
                .append("<p>Test Bank logins choose a scenario: churn, edits, wrongpass (refused).</p>")
                .append("<button type=\"submit\" name=\"action\" value=\"authorize\">Authorise</button> ")
                .append("<button type=\"submit\" name=\"action\" value=\"cancel\">Cancel</button></form>")
                .append("</body></html>")
                .toString();
    }

    static String error(String message) {
        return head("Authorisation error") + "<p class=\"error\" role=\"alert\">" + escape(message)
                + "</p></body></html>";
    }

    private static String head(String title) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + " - FireSync sandbox</title><style>" + STYLE + "</style></head><body><h1>" + escape(title)
                + "</h1>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
