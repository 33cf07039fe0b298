package com.firesync.sandbox.enablebanking;

import com.firesync.sandbox.world.Bank;
import com.firesync.sandbox.world.SandboxConnection;
import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.sandbox.world.Scenario;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The banks' customers as the authorisation page knows them: the first login at a bank makes a sandbox user and a
 * connection in the world (a Test Bank login choosing its scenario, as in the Powens webview); the same login at the
 * same bank later, e.g. to renew an expired consent, finds the same connection, so the accounts, their
 * {@code identification_hash} and the rows' {@code entry_reference} stay the same across sessions.
 */
final class BankCustomers {

    private final SandboxWorld world;

    private final ConcurrentMap<String, Long> connections = new ConcurrentHashMap<>();

    BankCustomers(SandboxWorld world) {
        this.world = world;
    }

    synchronized SandboxConnection connection(Bank bank, String login) {
        String key = bank.code() + "/" + login.strip().toLowerCase(Locale.ROOT);
        Long known = connections.get(key);
        if (known != null) {
            var connection = world.connection(known);
            if (connection.isPresent()) {
                return connection.get();
            }
        }
        Scenario scenario = bank == Bank.TEST ? Scenario.fromLogin(login) : Scenario.NONE;
        SandboxConnection connection = world.connect(world.createUser(), bank, scenario);
        connections.put(key, connection.id());
        return connection;
    }
}
