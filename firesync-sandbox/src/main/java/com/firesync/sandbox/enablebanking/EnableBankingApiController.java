package com.firesync.sandbox.enablebanking;

import com.firesync.sandbox.ConditionalOnSandbox;
import com.firesync.sandbox.enablebanking.json.AccessJson;
import com.firesync.sandbox.enablebanking.json.AccountDataJson;
import com.firesync.sandbox.enablebanking.json.ApplicationJson;
import com.firesync.sandbox.enablebanking.json.AspspRefJson;
import com.firesync.sandbox.enablebanking.json.AspspsJson;
import com.firesync.sandbox.enablebanking.json.AuthorizationJson;
import com.firesync.sandbox.enablebanking.json.AuthorizedSessionJson;
import com.firesync.sandbox.enablebanking.json.CodeJson;
import com.firesync.sandbox.enablebanking.json.MessageJson;
import com.firesync.sandbox.enablebanking.json.SessionJson;
import com.firesync.sandbox.enablebanking.json.StartAuthorizationJson;
import com.firesync.sandbox.world.Bank;
import com.firesync.sandbox.world.LedgerAccount;
import com.firesync.sandbox.world.SandboxConnection;
import com.firesync.sandbox.world.SandboxWorld;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Enable Banking's application, bank list, authorisation and session routes under {@code /sandbox/enablebanking}.
 */
@RestController
@RequestMapping(EnableBankingApiController.ROOT)
@ConditionalOnSandbox
class EnableBankingApiController {

    static final String ROOT = "/sandbox/enablebanking";

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private final EnableBankingFace face;

    private final SandboxWorld world;

    private final Clock clock;

    EnableBankingApiController(EnableBankingFace face, SandboxWorld world, Clock clock) {
        this.face = face;
        this.world = world;
        this.clock = clock;
    }

    @GetMapping("/application")
    ApplicationJson application() {
        return new ApplicationJson("FireSync sandbox application", "The sandbox's own Enable Banking application",
                face.applicationId(), "SANDBOX", face.redirectUrls().configured(), true, List.of(Aspsps.COUNTRY),
                List.of("AIS"));
    }

    @GetMapping("/aspsps")
    AspspsJson aspsps(@RequestParam(required = false) @Nullable String country,
            @RequestParam(name = "psu_type", required = false) @Nullable String psuType) {
        return new AspspsJson(face.aspsps().list(country, psuType));
    }

    @PostMapping("/auth")
    AuthorizationJson startAuthorization(@RequestBody StartAuthorizationJson request) {
        Authorization authorization = face.start(request);
        String url = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(AuthorizationPageController.PATH)
                .queryParam("sessionid", authorization.id())
                .build()
                .toUriString();
        return new AuthorizationJson(url, authorization.id(), authorization.psuIdHash());
    }

    @PostMapping("/sessions")
    AuthorizedSessionJson authorizeSession(@RequestBody CodeJson request) {
        if (request.code() == null || request.code().isBlank()) {
            throw EnableBankingError.wrongParameters("code is required");
        }
        Authorization authorization = face.authorizations().redeem(request.code().strip());
        SandboxConnection connection = world.connection(authorization.connectionId()).orElseThrow(
                () -> EnableBankingError.unprocessable("WRONG_AUTHORIZATION_CODE", "Wrong authorization code provided",
                        "The bank customer of this code is gone"));
        Session session = face.sessions().open(authorization, connection);
        Map<Long, LedgerAccount> accounts = accounts(connection);
        Bank bank = authorization.bank();
        return new AuthorizedSessionJson(session.id(), session.uids().stream()
                .map(uid -> EnableBankingJson.account(bank, uid,
                        account(accounts, session, uid)))
                .toList(), aspsp(bank), "personal", access(authorization));
    }

    @GetMapping("/sessions/{sessionId}")
    SessionJson session(@PathVariable String sessionId) {
        Session session = face.sessions().find(sessionId);
        Authorization authorization = session.authorization();
        SandboxConnection connection = world.connection(session.connectionId()).orElseThrow();
        Map<Long, LedgerAccount> accounts = accounts(connection);
        List<AccountDataJson> data = session.uids().stream().map(uid -> {
            String iban = account(accounts, session, uid).iban();
            return new AccountDataJson(uid, EnableBankingJson.identificationHash(iban),
                    EnableBankingJson.identificationHashes(authorization.bank(), iban));
        }).toList();
        Instant authorized = authorization.authorized();
        Instant closed = session.closed();
        return new SessionJson(session.status(clock.instant()), session.uids(), data, aspsp(authorization.bank()),
                "personal", authorization.psuIdHash(), access(authorization), format(session.created()),
                authorized == null ? null : format(authorized), closed == null ? null : format(closed));
    }

    @DeleteMapping("/sessions/{sessionId}")
    MessageJson deleteSession(@PathVariable String sessionId) {
        face.sessions().find(sessionId).close(clock.instant());
        return new MessageJson("OK");
    }

    private Map<Long, LedgerAccount> accounts(SandboxConnection connection) {
        return world.accounts(connection, clock.instant()).stream()
                .collect(Collectors.toMap(LedgerAccount::id, Function.identity()));
    }

    private static LedgerAccount account(Map<Long, LedgerAccount> accounts, Session session, String uid) {
        return Objects.requireNonNull(accounts.get(session.account(uid).orElseThrow()));
    }

    private static AspspRefJson aspsp(Bank bank) {
        return new AspspRefJson(bank.displayName(), Aspsps.COUNTRY);
    }

    private static AccessJson access(Authorization authorization) {
        return new AccessJson(authorization.validUntil().format(DATE_TIME), authorization.balances(),
                authorization.transactions(), null);
    }

    static String format(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).format(DATE_TIME);
    }
}
