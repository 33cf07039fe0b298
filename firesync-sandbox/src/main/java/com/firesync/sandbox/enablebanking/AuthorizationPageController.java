package com.firesync.sandbox.enablebanking;

import com.firesync.sandbox.ConditionalOnSandbox;
import com.firesync.sandbox.world.Bank;
import com.firesync.sandbox.world.SandboxConnection;
import com.firesync.sandbox.world.Scenario;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The page {@code POST /auth} sends the user to: {@code GET .../ais/start?sessionid=<authorization_id>} shows the
 * bank's login form; {@code POST} to the same URL with {@code login} and {@code password} redirects to the
 * application's {@code redirect_url} with {@code code} and {@code state}, or with {@code action=cancel} with
 * {@code error=access_denied}, {@code error_description} and {@code state}. An unknown or already used authorisation
 * is a 400 page.
 */
@Controller
@RequestMapping(AuthorizationPageController.PATH)
@ConditionalOnSandbox
class AuthorizationPageController {

    static final String PATH = EnableBankingApiController.ROOT + "/ais/start";

    private final EnableBankingFace face;

    AuthorizationPageController(EnableBankingFace face) {
        this.face = face;
    }

    @GetMapping
    ResponseEntity<String> show(@RequestParam(name = "sessionid", defaultValue = "") String id) {
        return open(id).map(authorization -> page(authorization, HttpStatus.OK, form(authorization, null)))
                .orElseGet(AuthorizationPageController::unknown);
    }

    @PostMapping
    ResponseEntity<String> submit(@RequestParam(name = "sessionid", defaultValue = "") String id,
            @RequestParam(defaultValue = "") String login, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String action) {
        Authorization authorization = open(id).orElse(null);
        if (authorization == null) {
            return unknown();
        }
        if (action.equals("cancel")) {
            return redirect(authorization, "error", "access_denied", "The user cancelled the authorisation.");
        }
        String refusal = refusal(authorization.bank(), login, password);
        if (refusal != null) {
            return page(authorization, HttpStatus.OK, form(authorization, refusal));
        }
        SandboxConnection connection = face.customers().connection(authorization.bank(), login);
        return redirect(authorization, "code", face.authorizations().authorize(authorization, connection.id()), null);
    }

    private Optional<Authorization> open(String id) {
        return face.authorizations().find(id).filter(Authorization::open);
    }

    private static @Nullable String refusal(Bank bank, String login, String password) {
        if (login.isBlank() || password.isBlank()) {
            return "Enter your login and password.";
        }
        boolean wrong = password.equals("wrong") || Scenario.fromLogin(login).is(Scenario.Kind.WRONGPASS);
        return bank == Bank.TEST && wrong ? "Wrong login or password." : null;
    }

    private static String form(Authorization authorization, @Nullable String error) {
        return AuthorizationPage.form(authorization.bank().displayName(),
                authorization.validUntil().format(EnableBankingApiController.DATE_TIME), error);
    }

    private static ResponseEntity<String> redirect(Authorization authorization, String name, String value,
            @Nullable String description) {
        var target = UriComponentsBuilder.fromUriString(authorization.redirectUrl()).queryParam(name, value);
        if (description != null) {
            target.queryParam("error_description", description);
        }
        URI location = target.queryParam("state", authorization.state()).encode().build().toUri();
        return ResponseEntity.status(HttpStatus.FOUND).location(location).build();
    }

    private static ResponseEntity<String> unknown() {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(AuthorizationPage.error("This authorisation is unknown or already completed."));
    }

    /**
     * The page with its own content security policy: an inline style sheet, and a form posting to itself that is then
     * redirected to the application's origin (browsers check {@code form-action} on that redirect too).
     */
    private static ResponseEntity<String> page(Authorization authorization, HttpStatus status, String body) {
        URI redirect = URI.create(authorization.redirectUrl());
        String origin = redirect.getScheme() + "://" + redirect.getRawAuthority();
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline';"
                        + " frame-ancestors 'none'; base-uri 'none'; form-action 'self' " + origin)
                .body(body);
    }
}
