package com.firesync.sandbox.api;

import com.firesync.sandbox.ConditionalOnSandbox;
import com.firesync.sandbox.json.AccountJson;
import com.firesync.sandbox.json.ConnectionJson;
import com.firesync.sandbox.json.PowensJson;
import com.firesync.sandbox.webhook.BankRefresh;
import com.firesync.sandbox.world.SandboxConnection;
import com.firesync.sandbox.world.SandboxUser;
import com.firesync.sandbox.world.SandboxWorld;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current user and their connections: list, read, and sync ({@code POST}, or the legacy {@code PUT}).
 */
@RestController
@RequestMapping("/sandbox/2.0/users/me")
@ConditionalOnSandbox
class SandboxConnectionController {

    private final SandboxWorld world;

    private final PowensJson json;

    private final BankRefresh refresh;

    private final JsonMapper mapper;

    SandboxConnectionController(SandboxWorld world, PowensJson json, BankRefresh refresh, JsonMapper mapper) {
        this.world = world;
        this.json = json;
        this.refresh = refresh;
        this.mapper = mapper;
    }

    @GetMapping
    Map<String, Object> me(SandboxUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", user.id());
        body.put("signin", PowensJson.timestamp(user.created()));
        return body;
    }

    @GetMapping("/connections")
    Map<String, Object> list(SandboxUser user, @RequestParam(required = false) @Nullable String expand) {
        List<ConnectionJson> connections = world.connections(user).stream().map(c -> render(c, expand)).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("connections", connections);
        body.put("total", connections.size());
        return body;
    }

    @GetMapping("/connections/{id}")
    ConnectionJson one(SandboxUser user, @PathVariable long id,
            @RequestParam(required = false) @Nullable String expand) {
        return render(owned(user, id), expand);
    }

    /**
     * Powens' "update and/or sync a connection": the body may carry new field values or {@code resume}, which the
     * sandbox accepts and ignores (its banks need neither); an empty body is a plain sync. Either way the bank is
     * refreshed, as Powens does after an update.
     */
    @PostMapping("/connections/{id}")
    ConnectionJson update(SandboxUser user, @PathVariable long id, HttpServletRequest request) {
        RequestFields.read(request, mapper);
        return sync(user, id, request.getParameter("expand"));
    }

    /** The legacy "force sync" of older Powens docs, kept as an alias of an empty {@code POST}. */
    @PutMapping("/connections/{id}")
    ConnectionJson sync(SandboxUser user, @PathVariable long id,
            @RequestParam(required = false) @Nullable String expand) {
        SandboxConnection connection = owned(user, id);
        if (!refresh.refresh(connection)) {
            throw new PowensError(HttpStatus.BAD_REQUEST, SandboxConnection.SCA_REQUIRED,
                    "Strong customer authentication is required: reconnect through the webview.");
        }
        return render(connection, expand);
    }

    private SandboxConnection owned(SandboxUser user, long id) {
        return world.connection(id)
                .filter(connection -> connection.userId() == user.id())
                .orElseThrow(() -> PowensError.notFound("Connection"));
    }

    /** {@code expand} is a comma-separated list: {@code connector}, {@code accounts}, {@code all_accounts}. */
    private ConnectionJson render(SandboxConnection connection, @Nullable String expand) {
        Set<String> expanded = expand == null
                ? Set.of()
                : Arrays.stream(expand.split(",")).map(String::strip).collect(Collectors.toSet());
        List<AccountJson> accounts = expanded.contains("accounts") || expanded.contains("all_accounts")
                ? world.accounts(connection, world.now()).stream().map(json::account).toList()
                : null;
        // no sandbox account is ever disabled: both lists hold every account
        return json.connection(connection, expanded.contains("connector"), expanded.contains("accounts")
                ? accounts
                : null, expanded.contains("all_accounts") ? accounts : null);
    }
}
