package com.firesync.sandbox.auth;

import com.firesync.sandbox.world.SandboxUser;
import com.firesync.sandbox.world.SandboxWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Temporary codes from {@code /auth/token/code}: valid 30 minutes of clock time; {@code singleAccess} ones are
 * redeemed once. Only outstanding codes are held.
 */
public final class Codes {

    /** Powens' temporary code lifetime. */
    public static final Duration LIFETIME = Duration.ofMinutes(30);

    private static final int SWEEP_THRESHOLD = 1_000;

    private final SandboxWorld world;

    private final Tokens tokens;

    private final AtomicLong counter = new AtomicLong();

    private final ConcurrentMap<String, Code> codes = new ConcurrentHashMap<>();

    public Codes(SandboxWorld world, Tokens tokens) {
        this.world = world;
        this.tokens = tokens;
    }

    /** An outstanding code. */
    public record Code(String value, long userId, boolean single, Instant expires) {
    }

    public Code issue(SandboxUser user, boolean single) {
        if (codes.size() > SWEEP_THRESHOLD) {
            Instant now = world.now();
            codes.values().removeIf(code -> !code.expires().isAfter(now));
        }
        long n = counter.incrementAndGet();
        String value = "c" + n + "_" + tokens.mac("code:" + user.id() + ":" + n);
        var code = new Code(value, user.id(), single, world.now().plus(LIFETIME));
        codes.put(value, code);
        return code;
    }

    /** The user of a valid, unexpired code, without using it up. */
    public Optional<SandboxUser> peek(String value) {
        Code code = codes.get(value);
        if (code == null || !code.expires().isAfter(world.now())) {
            return Optional.empty();
        }
        return world.user(code.userId());
    }

    /** Uses a code: a single-access code is gone afterwards. */
    public Optional<SandboxUser> redeem(String value) {
        Optional<SandboxUser> user = peek(value);
        Code code = codes.get(value);
        if (user.isPresent() && code != null && code.single()) {
            return codes.remove(value, code) ? user : Optional.empty();
        }
        return user;
    }
}
