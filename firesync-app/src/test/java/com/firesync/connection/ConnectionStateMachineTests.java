package com.firesync.connection;

import static com.firesync.connection.ConnectionState.ACTIVE;
import static com.firesync.connection.ConnectionState.DISABLED;
import static com.firesync.connection.ConnectionState.FAILING;
import static com.firesync.connection.ConnectionState.NEEDS_USER_ACTION;
import static com.firesync.connection.ConnectionState.SYNCING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The table of moves, walked pair by pair: each move the lifecycle makes is allowed, every other pair refused.
 */
class ConnectionStateMachineTests {

    /** Written out again, so that a change to the table is a deliberate change to this list too. */
    static final Set<List<ConnectionState>> ALLOWED = Set.of(
            List.of(ACTIVE, SYNCING), List.of(ACTIVE, NEEDS_USER_ACTION), List.of(ACTIVE, DISABLED),
            List.of(SYNCING, ACTIVE), List.of(SYNCING, FAILING), List.of(SYNCING, NEEDS_USER_ACTION),
            List.of(SYNCING, SYNCING), List.of(SYNCING, DISABLED),
            List.of(FAILING, SYNCING), List.of(FAILING, ACTIVE), List.of(FAILING, NEEDS_USER_ACTION),
            List.of(FAILING, DISABLED),
            List.of(NEEDS_USER_ACTION, SYNCING), List.of(NEEDS_USER_ACTION, ACTIVE),
            List.of(NEEDS_USER_ACTION, DISABLED));

    @Test
    void allowsExactlyTheListedMoves() {
        List<List<ConnectionState>> allowed = new ArrayList<>();
        for (ConnectionState from : ConnectionState.values()) {
            for (ConnectionState to : ConnectionState.values()) {
                if (ConnectionStateMachine.allows(from, to)) {
                    allowed.add(List.of(from, to));
                }
            }
        }

        assertThat(allowed).containsExactlyInAnyOrderElementsOf(ALLOWED);
    }

    @Test
    void leavesDisabledForNothing() {
        for (ConnectionState to : ConnectionState.values()) {
            assertThat(ConnectionStateMachine.allows(DISABLED, to)).as("disabled → %s", to).isFalse();
        }
    }

    @Test
    void letsEveryOtherStateBeDisabled() {
        for (ConnectionState from : Set.of(ACTIVE, SYNCING, FAILING, NEEDS_USER_ACTION)) {
            assertThat(ConnectionStateMachine.allows(from, DISABLED)).as("%s → disabled", from).isTrue();
        }
    }
}
