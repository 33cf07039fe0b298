package com.firesync.ledger;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;

/**
 * A position in the newest-first transaction order: the booking date and id of the last row of a page. Opaque to
 * callers (base64url); a cursor that does not decode is refused.
 */
public record TransactionCursor(LocalDate date, long id) {

    private static final String VERSION = "t1";

    public String encode() {
        String raw = VERSION + ":" + date + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Decodes a cursor from a previous page, or nothing when it is not one.
     */
    public static Optional<TransactionCursor> decode(String encoded) {
        try {
            if (encoded.length() > 64) {
                return Optional.empty();
            }
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
            String[] parts = raw.split(":", -1);
            if (parts.length != 3 || !parts[0].equals(VERSION)) {
                return Optional.empty();
            }
            long id = Long.parseLong(parts[2]);
            return id > 0 ? Optional.of(new TransactionCursor(LocalDate.parse(parts[1]), id)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
