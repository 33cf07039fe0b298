package com.firesync.sandbox.api;

import com.firesync.sandbox.ConditionalOnSandbox;
import com.firesync.sandbox.json.PowensJson;
import com.firesync.sandbox.world.LedgerAccount;
import com.firesync.sandbox.world.SandboxConnection;
import com.firesync.sandbox.world.SandboxUser;
import com.firesync.sandbox.world.SandboxWorld;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bank accounts with their balances; {@code noAccount} (400) when the user has none, as Powens answers.
 */
@RestController
@RequestMapping("/sandbox/2.0/users/me")
@ConditionalOnSandbox
class SandboxAccountController {

    private final SandboxWorld world;

    private final PowensJson json;

    SandboxAccountController(SandboxWorld world, PowensJson json) {
        this.world = world;
        this.json = json;
    }

    @GetMapping("/accounts")
    Map<String, Object> all(SandboxUser user) {
        return render(world.connections(user));
    }

    @GetMapping("/connections/{id}/accounts")
    Map<String, Object> ofConnection(SandboxUser user, @PathVariable long id) {
        return render(world.connection(id)
                .filter(connection -> connection.userId() == user.id())
                .map(List::of)
                .orElseThrow(() -> PowensError.notFound("Connection")));
    }

    private Map<String, Object> render(List<SandboxConnection> connections) {
        if (connections.isEmpty()) {
            throw PowensError.noAccount();
        }
        List<LedgerAccount> accounts = connections.stream()
                .flatMap(connection -> world.accounts(connection, world.now()).stream())
                .toList();
        long balance = accounts.stream().mapToLong(LedgerAccount::balanceCents).sum();
        long coming = accounts.stream().mapToLong(LedgerAccount::comingCents).sum();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accounts", accounts.stream().map(json::account).toList());
        body.put("balances", Map.<String, BigDecimal>of("EUR", PowensJson.amount(balance)));
        body.put("coming_balances", Map.<String, BigDecimal>of("EUR", PowensJson.amount(coming)));
        body.put("total", accounts.size());
        return body;
    }
}
