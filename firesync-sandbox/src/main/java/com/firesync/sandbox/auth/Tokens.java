package com.firesync.sandbox.auth;

import com.firesync.sandbox.world.SandboxUser;
import com.firesync.sandbox.world.SandboxWorld;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Permanent user tokens. A token is {@code <user>_<generation>_<mac>}, the MAC keyed by the seed and the client
 * secret: unguessable without the secret, yet nothing is stored per token beyond the user's live generations.
 */
public final class Tokens {

    private final SandboxWorld world;

    private final byte[] key;

    public Tokens(SandboxWorld world, String clientSecret) {
        this.world = world;
        this.key = sha256("sandbox-token-key:" + world.seed() + ":" + clientSecret);
    }

    /** A live bearer: the user and the token generation it carries. */
    public record Bearer(SandboxUser user, int generation) {
    }

    public String issue(SandboxUser user, boolean revokePrevious) {
        int generation = user.newTokenGeneration(revokePrevious);
        return user.id() + "_" + generation + "_" + mac(user.id() + ":" + generation);
    }

    public Optional<Bearer> authenticate(String token) {
        String[] parts = token.strip().split("_", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            long userId = Long.parseLong(parts[0]);
            int generation = Integer.parseInt(parts[1]);
            boolean genuine = MessageDigest.isEqual(mac(userId + ":" + generation).getBytes(StandardCharsets.UTF_8),
                    parts[2].getBytes(StandardCharsets.UTF_8));
            return world.user(userId)
                    .filter(user -> genuine && user.tokenLive(generation))
                    .map(user -> new Bearer(user, generation));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    String mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
