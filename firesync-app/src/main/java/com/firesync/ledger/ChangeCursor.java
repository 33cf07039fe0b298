package com.firesync.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A position in the change feed: every row whose change version and id come after it is news to the client. Opaque
 * to callers (base64url); a cursor that does not decode is refused.
 *
 * @param version the change version of the last row delivered
 * @param id the id of the last row delivered, {@link Long#MAX_VALUE} when the whole version was
 */
public record ChangeCursor(long version, long id) {

    /** Before every change: no cursor. */
    public static final ChangeCursor START = new ChangeCursor(0, 0);

    private static final String FORMAT = "c1";

    /** The position after every row written at {@code version}. */
    static ChangeCursor after(long version) {
        return new ChangeCursor(version, Long.MAX_VALUE);
    }

    public String encode() {
        String raw = FORMAT + ":" + version + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Decodes a cursor from a previous answer, or nothing when it is not one.
     */
    public static Optional<ChangeCursor> decode(String encoded) {
        try {
            if (encoded.length() > 64) {
                return Optional.empty();
            }
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
            String[] parts = raw.split(":", -1);
            if (parts.length != 3 || !parts[0].equals(FORMAT)) {
                return Optional.empty();
            }
            long version = Long.parseLong(parts[1]);
            long id = Long.parseLong(parts[2]);
            return version >= 0 && id >= 0 ? Optional.of(new ChangeCursor(version, id)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
