package com.firesync.user;

import com.firesync.shared.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * What an API token looks like: {@code fsk_} followed by 256 random bits in base64url, so secret scanners can
 * recognise a leaked one. Only its SHA-256 is stored: the token has too much entropy for the hash to be guessed back.
 */
final class ApiTokenFormat {

    static final String PREFIX = "fsk_";

    /** How many leading characters are kept in clear to tell tokens apart in a listing. */
    static final int SHOWN_CHARACTERS = 8;

    private static final int RANDOM_BYTES = 32;

    private static final int ENCODED_LENGTH = PREFIX.length() + 43;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenFormat() {
    }

    static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Whether a presented string can be a FireSync token at all; anything else is refused without a database look-up.
     */
    static boolean isWellFormed(String token) {
        if (token.length() != ENCODED_LENGTH || !token.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < token.length(); i++) {
            char c = token.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }

    static String shownPart(String token) {
        return token.substring(0, SHOWN_CHARACTERS);
    }
}
