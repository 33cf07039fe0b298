package com.firesync.sandbox;

import com.firesync.sandbox.world.SandboxWorld;
import com.firesync.sandbox.world.ShiftableClock;
import com.firesync.sandbox.world.WorldState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the sandbox's memory in a file, so that a restart of the default run finds its users, tokens and connections
 * (the banks themselves are computed from the seed and the clock) and every linked connection syncs again. Read once
 * at start-up; written whole, through a temporary file and an atomic rename, after every change worth remembering (a
 * user, a token, a connection) and, for refresh times, every few seconds and at the stop. A file that cannot be read
 * stops the start-up, naming it, rather than being overwritten.
 */
final class SandboxStateFile implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxStateFile.class);

    private static final Duration FLUSH = Duration.ofSeconds(5);

    private final Path file;

    private final SandboxWorld world;

    private final Clock clock;

    private final JsonMapper json;

    private final ScheduledExecutorService flusher;

    private SandboxStateFile(Path file, SandboxWorld world, Clock clock, JsonMapper json) {
        this.file = file;
        this.world = world;
        this.clock = clock;
        this.json = json;
        this.flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                .name("sandbox-state")
                .daemon()
                .factory());
    }

    /** Restores the world from the file, if there is one, and keeps the file up to date from then on. */
    static SandboxStateFile open(Path file, SandboxWorld world, Clock clock, JsonMapper json) {
        var state = new SandboxStateFile(file.toAbsolutePath(), world, clock, json);
        state.restore();
        world.onChange(state::save);
        state.flusher.scheduleWithFixedDelay(state::save, FLUSH.toMillis(), FLUSH.toMillis(), TimeUnit.MILLISECONDS);
        return state;
    }

    private void restore() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            Saved saved = json.readValue(file.toFile(), Saved.class);
            world.restore(saved.world());
            if (clock instanceof ShiftableClock shiftable && saved.clockShift() != null) {
                shiftable.advance(saved.clockShift().minus(shiftable.shift()));
            }
            log.info("Sandbox restored from {}: {} users, {} connections", file, world.userCount(),
                    world.connectionCount());
        } catch (JacksonException e) {
            throw new IllegalStateException("The sandbox's state file " + file + " cannot be read (" + e
                    .getOriginalMessage() + "): move it away to start with an empty sandbox", e);
        }
    }

    /** Writes the whole state: a reader never sees half a file, and a crash leaves the previous one. */
    synchronized void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Duration shift = clock instanceof ShiftableClock shiftable ? shiftable.shift() : null;
            json.writeValue(temporary.toFile(), new Saved(1, shift, world.state()));
            move(temporary);
        } catch (IOException | UncheckedIOException | JacksonException e) {
            log.warn("Sandbox state not saved to {}: {}", file, e.toString());
        }
    }

    private void move(Path temporary) throws IOException {
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        save();
    }

    /**
     * The file's content.
     *
     * @param version the format's version
     * @param clockShift how far the standalone sandbox's clock had been moved ahead, if it can be
     */
    record Saved(int version, @Nullable Duration clockShift, WorldState world) {
    }
}
