package com.firesync.sandbox.api;

import com.firesync.sandbox.ConditionalOnSandbox;
import com.firesync.sandbox.auth.Clients;
import com.firesync.sandbox.auth.Codes;
import com.firesync.sandbox.auth.Tokens;
import com.firesync.sandbox.world.SandboxUser;
import com.firesync.sandbox.world.SandboxWorld;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Powens authentication: permanent user tokens, their renewal and revocation, and temporary codes.
 */
@RestController
@RequestMapping("/sandbox/2.0/auth")
@ConditionalOnSandbox
class SandboxAuthController {

    private final SandboxWorld world;

    private final Clients clients;

    private final Tokens tokens;

    private final Codes codes;

    private final JsonMapper mapper;

    SandboxAuthController(SandboxWorld world, Clients clients, Tokens tokens, Codes codes, JsonMapper mapper) {
        this.world = world;
        this.clients = clients;
        this.tokens = tokens;
        this.codes = codes;
        this.mapper = mapper;
    }

    @PostMapping("/init")
    Map<String, Object> init(HttpServletRequest request) {
        RequestFields fields = RequestFields.read(request, mapper);
        authenticateClient(fields);
        SandboxUser user = world.createUser();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("auth_token", tokens.issue(user, false));
        body.put("type", "permanent");
        body.put("id_user", user.id());
        body.put("expires_in", null);
        return body;
    }

    @PostMapping("/renew")
    Map<String, Object> renew(HttpServletRequest request) {
        RequestFields fields = RequestFields.read(request, mapper);
        authenticateClient(fields);
        String grant = fields.get("grant_type");
        if (grant != null && !grant.equals("client_credentials")) {
            throw PowensError.invalidValue("grant_type must be client_credentials.");
        }
        String idUser = fields.get("id_user");
        SandboxUser user = idUser == null
                ? world.createUser()
                : world.user(parseId(idUser))
                        .orElseThrow(() -> PowensError.notFound("User"));
        return accessToken(tokens.issue(user, fields.flag("revoke_previous")));
    }

    @PostMapping("/token/access")
    Map<String, Object> exchange(HttpServletRequest request) {
        RequestFields fields = RequestFields.read(request, mapper);
        authenticateClient(fields);
        SandboxUser user = codes.redeem(fields.require("code"))
                .orElseThrow(() -> new PowensError(HttpStatus.BAD_REQUEST, "invalidValue", "Invalid or expired code."));
        return accessToken(tokens.issue(user, false));
    }

    @GetMapping("/token/code")
    Map<String, Object> code(SandboxUser user, @RequestParam(defaultValue = "requestAccess") String type) {
        if (!type.equals("requestAccess") && !type.equals("singleAccess")) {
            throw PowensError.invalidValue("type must be requestAccess or singleAccess.");
        }
        boolean single = type.equals("singleAccess");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", codes.issue(user, single).value());
        body.put("type", "temporary");
        body.put("access", single ? "single" : "standard");
        body.put("expires_in", Codes.LIFETIME.toSeconds());
        return body;
    }

    @DeleteMapping("/token")
    ResponseEntity<Void> revoke(Tokens.Bearer bearer) {
        bearer.user().revokeToken(bearer.generation());
        return ResponseEntity.noContent().build();
    }

    private void authenticateClient(RequestFields fields) {
        String clientId = fields.require("client_id");
        if (!clients.authenticates(clientId, fields.get("client_secret"))) {
            throw new PowensError(HttpStatus.FORBIDDEN, "forbidden", "Invalid client_id or client_secret.");
        }
    }

    private static Map<String, Object> accessToken(String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("token_type", "Bearer");
        return body;
    }

    private static long parseId(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw PowensError.invalidValue("id_user must be a number.");
        }
    }
}
