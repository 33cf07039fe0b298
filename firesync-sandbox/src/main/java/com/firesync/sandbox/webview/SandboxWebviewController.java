package com.firesync.sandbox.webview;

import com.firesync.sandbox.ConditionalOnSandbox;
import com.firesync.sandbox.auth.Clients;
import com.firesync.sandbox.auth.Codes;
import com.firesync.sandbox.webhook.BankRefresh;
import com.firesync.sandbox.world.Bank;
import com.firesync.sandbox.world.SandboxConnection;
import com.firesync.sandbox.world.SandboxUser;
import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.sandbox.world.Scenario;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The webview at {@code /sandbox/webview/{lang}/connect} and {@code reconnect}. {@code GET} shows the banks;
 * {@code POST} to the same URL with {@code bank}, {@code login}, {@code password} (or {@code action=cancel}) redirects
 * to {@code redirect_uri} as Powens does. Bad {@code client_id}, {@code redirect_uri} or {@code code} is a 400 page.
 */
@Controller
@RequestMapping("/sandbox/webview/{lang}")
@ConditionalOnSandbox
class SandboxWebviewController {

    private final SandboxWorld world;

    private final Clients clients;

    private final Codes codes;

    private final BankRefresh refresh;

    SandboxWebviewController(SandboxWorld world, Clients clients, Codes codes, BankRefresh refresh) {
        this.world = world;
        this.clients = clients;
        this.codes = codes;
        this.refresh = refresh;
    }

    @GetMapping("/{flow:connect|reconnect}")
    ResponseEntity<String> show(@PathVariable String lang, @PathVariable String flow, HttpServletRequest request) {
        WebviewSession session = WebviewSession.of(request, flow);
        Optional<String> invalid = session.problem(clients, codes, world);
        if (invalid.isPresent()) {
            return html(HttpStatus.BAD_REQUEST, WebviewPage.error(invalid.get()));
        }
        return html(HttpStatus.OK, WebviewPage.form(session.reconnect(), fixedBank(session), null));
    }

    @PostMapping("/{flow:connect|reconnect}")
    ResponseEntity<String> submit(@PathVariable String lang, @PathVariable String flow, HttpServletRequest request) {
        WebviewSession session = WebviewSession.of(request, flow);
        Optional<String> invalid = session.problem(clients, codes, world);
        if (invalid.isPresent()) {
            return html(HttpStatus.BAD_REQUEST, WebviewPage.error(invalid.get()));
        }
        if (session.cancelled()) {
            return redirect(session.callback().error("access_denied", "The user cancelled the connection."));
        }
        Bank bank = session.reconnect() ? fixedBank(session) : Bank.fromCode(session.field("bank")).orElse(null);
        String refusal = refusal(bank, session);
        if (bank == null || refusal != null) {
            return html(HttpStatus.OK, WebviewPage.form(session.reconnect(), fixedBank(session),
                    refusal == null ? "Choose a bank." : refusal));
        }
        // the connection to reconnect is found through the code, so before a single-access code is used up
        SandboxConnection target = session.reconnect() ? session.connection(world, codes).orElse(null) : null;
        SandboxUser user = codes.redeem(session.code()).orElse(null);
        if (user == null) {
            return html(HttpStatus.BAD_REQUEST, WebviewPage.error("The code is invalid or expired."));
        }
        return target != null ? reconnect(session, target) : connect(session, user, bank);
    }

    private ResponseEntity<String> connect(WebviewSession session, SandboxUser user, Bank bank) {
        Scenario scenario = bank == Bank.TEST ? Scenario.fromLogin(session.field("login")) : Scenario.NONE;
        SandboxConnection connection = world.connect(user, bank, scenario);
        refresh.firstSync(connection);
        return redirect(session.callback().connected(connection.id()));
    }

    private ResponseEntity<String> reconnect(WebviewSession session, SandboxConnection connection) {
        connection.reconnected(world.now());
        refresh.firstSync(connection);
        return redirect(session.callback().reconnected());
    }

    private static @Nullable String refusal(@Nullable Bank bank, WebviewSession session) {
        String login = session.field("login");
        if (login.isBlank() || session.field("password").isBlank()) {
            return "Enter your login and password.";
        }
        boolean wrong = session.field("password").equals("wrong")
                || Scenario.fromLogin(login).is(Scenario.Kind.WRONGPASS);
        return bank == Bank.TEST && wrong ? "Wrong login or password." : null;
    }

    private @Nullable Bank fixedBank(WebviewSession session) {
        return session.connection(world, codes).map(SandboxConnection::bank).orElse(null);
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(body);
    }

    private static ResponseEntity<String> redirect(URI target) {
        return ResponseEntity.status(HttpStatus.FOUND).location(target).build();
    }
}
