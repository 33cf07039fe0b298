package com.firesync.testing;

import com.firesync.testing.Http.Answer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;

/**
 * Plays the user's browser through the connect flow: asks FireSync for the webview URL, submits the sandbox webview's
 * form like the page would, and follows the redirect back to FireSync's callback.
 */
public final class WebviewDriver {

    private final Http http;

    public WebviewDriver(Http http) {
        this.http = http;
    }

    /**
     * Links a bank for the token's user and answers the callback's JSON answer.
     */
    public Answer connect(String token, String bank, String login, String password) {
        String url = http.get("/api/auth/powens/url", token).json().get("data").get("url").asString();
        return submit(url, bank, login, password);
    }

    /**
     * Links a Demo Bank connection for the token's user and answers its id.
     */
    public long linkDemo(String token, String login) {
        Answer linked = connect(token, "demo", login, "secret");
        if (linked.status() != 200) {
            throw new IllegalStateException("The callback answered " + linked.status() + ": " + linked.body());
        }
        return linked.json().get("data").get("connectionIds").get(0).asLong();
    }

    /**
     * Repairs a connection through the reconnect flow.
     */
    public Answer reconnect(String token, long connectionId) {
        String url = http.get("/api/auth/powens/url?reconnect=" + connectionId, token)
                .json()
                .get("data")
                .get("url")
                .asString();
        return submit(url, "", "user", "password");
    }

    /**
     * Posts the webview form and answers where the webview redirects the browser.
     */
    public URI submitForm(String url, String bank, String login, String password) {
        String form = "bank=" + encode(bank) + "&login=" + encode(login) + "&password=" + encode(password);
        Answer posted = Http.absolute(url)
                .send(Http.absolute(url).request("", null)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(BodyPublishers.ofString(form)));
        if (posted.status() != 302) {
            throw new IllegalStateException("The webview answered " + posted.status() + ": " + posted.body());
        }
        return URI.create(posted.header("Location").orElseThrow());
    }

    /**
     * Links one bank through Enable Banking: asks FireSync for the authorisation URL of {@code bank}, opens the
     * bank's authorisation page, posts its form like the page would, and follows the redirect back to FireSync's
     * callback, answering the callback's JSON answer.
     */
    public Answer authorizeEnableBanking(String token, String bank, String country, String login, String password) {
        return authorizeEnableBanking(token, "/api/auth/enablebanking/url?bank=" + encode(bank) + "&country="
                + encode(country), login, password);
    }

    /**
     * The same through the authorisation URL that {@code route} answers (a renewal's
     * {@code /api/auth/enablebanking/url?reconnect={connectionId}}).
     */
    public Answer authorizeEnableBanking(String token, String route, String login, String password) {
        Answer link = http.get(route, token);
        if (link.status() != 200) {
            throw new IllegalStateException("FireSync answered " + link.status() + ": " + link.body());
        }
        String url = link.json().get("data").get("url").asString();
        Answer page = Http.absolute(url).send(Http.absolute(url).request("", null).GET());
        if (page.status() != 200 || !page.body().contains("<form")) {
            throw new IllegalStateException("The authorisation page answered " + page.status() + ": " + page.body());
        }
        String form = "login=" + encode(login) + "&password=" + encode(password) + "&action=authorize";
        Answer posted = Http.absolute(url)
                .send(Http.absolute(url).request("", null)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(BodyPublishers.ofString(form)));
        if (posted.status() != 302) {
            throw new IllegalStateException("The authorisation page answered " + posted.status() + ": "
                    + posted.body());
        }
        String callback = posted.header("Location").orElseThrow();
        return Http.absolute(callback).send(Http.absolute(callback).request("", null)
                .header("Accept", "application/json")
                .GET());
    }

    private Answer submit(String url, String bank, String login, String password) {
        URI callback = submitForm(url, bank, login, password);
        return Http.absolute(callback.toString())
                .send(Http.absolute(callback.toString()).request("", null).header("Accept", "application/json").GET());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
