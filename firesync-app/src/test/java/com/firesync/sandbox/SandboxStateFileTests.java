package com.firesync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.firesync.sandbox.world.Bank;
import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.sandbox.world.Scenario;
import com.firesync.sandbox.world.ShiftableClock;
import com.firesync.sandbox.world.WorldSettings;
import com.firesync.testing.MutableClock;
import com.firesync.testing.TestClockConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox's memory kept in a file: what a restart finds, and a file it cannot read. */
class SandboxStateFileTests {

    private static final WorldSettings SETTINGS = new WorldSettings(42, Duration.ofDays(30), 5, 3);

    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void aRestartedSandboxFindsItsUsersTokensConnectionsAndClockAsTheyWere() {
        Path file = dir.resolve("sandbox-state.json");
        var clock = new ShiftableClock(new MutableClock(TestClockConfiguration.START));
        var world = new SandboxWorld(SETTINGS, clock);
        try (var state = SandboxStateFile.open(file, world, clock, json)) {
            var alice = world.createUser();
            alice.newTokenGeneration(false);
            alice.revokeToken(alice.newTokenGeneration(false));
            alice.newTokenGeneration(false);
            world.connect(alice, Bank.DEMO, Scenario.NONE);
            world.connect(alice, Bank.TEST, Scenario.fromLogin("sca:1")).sync(clock.advance(Duration.ofHours(3)));
            world.deleteConnection(alice, 1);
            world.createUser();
        }

        var restartedClock = new ShiftableClock(new MutableClock(TestClockConfiguration.START));
        var restarted = new SandboxWorld(SETTINGS, restartedClock);
        try (var state = SandboxStateFile.open(file, restarted, restartedClock, json)) {
            assertThat(restarted.state()).isEqualTo(world.state());
            assertThat(restartedClock.instant()).isEqualTo(clock.instant());
            assertThat(restarted.user(1).orElseThrow().tokenLive(2)).isFalse();
            assertThat(restarted.user(1).orElseThrow().tokenLive(3)).isTrue();
            assertThat(restarted.createUser().id()).as("ids go on").isEqualTo(3);
        }
    }

    @Test
    void refusesToStartOnAFileItCannotReadInsteadOfOverwritingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("sandbox-state.json"), "{\"version\":1,\"world\":");
        var clock = new MutableClock(TestClockConfiguration.START);

        assertThatThrownBy(() -> SandboxStateFile.open(file, new SandboxWorld(SETTINGS, clock), clock, json))
                .hasMessageContaining(file.toString()).hasMessageContaining("move it away");
        assertThat(Files.readString(file)).isEqualTo("{\"version\":1,\"world\":");
    }
}
