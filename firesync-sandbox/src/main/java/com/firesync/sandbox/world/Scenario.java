package com.firesync.sandbox.world;

import java.util.Locale;

/**
 * What a Test Bank connection does wrong, chosen by the login typed in the webview: {@code kind} or
 * {@code kind:parameter}, e.g. {@code sca:5} or {@code flaky:50}. Unknown logins mean no scenario.
 *
 * @param kind the misbehaviour
 * @param parameter its strength: syncs before SCA, a percentage of failing calls, milliseconds of latency, or days
 *        of history a bank lets its transactions be listed for
 */
public record Scenario(Kind kind, int parameter) {

    /** No misbehaviour at all (Demo Bank, and Test Bank with an ordinary login). */
    public static final Scenario NONE = new Scenario(Kind.NONE, 0);

    /** The scenario kinds and their default parameters. */
    public enum Kind {
        NONE(0), SCA(3), WRONGPASS(0), FLAKY(30), SLOW(1500), RATELIMIT(50), MALFORMED(50), TRUNCATED(50), CHURN(
                0), EDITS(4), CAPPED(90), STRICT(90);

        private final int defaultParameter;

        Kind(int defaultParameter) {
            this.defaultParameter = defaultParameter;
        }
    }

    /** Reads a Test Bank login; anything not naming a scenario is {@link #NONE}. */
    public static Scenario fromLogin(String login) {
        String[] parts = login.strip().toLowerCase(Locale.ROOT).split(":", 2);
        Kind kind;
        try {
            kind = Kind.valueOf(parts[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return NONE;
        }
        int parameter = kind.defaultParameter;
        if (parts.length == 2) {
            try {
                parameter = Math.max(0, Integer.parseInt(parts[1].strip()));
            } catch (NumberFormatException e) {
                // a login like "sca:x" keeps the default: the webview is a test tool, not a validator
            }
        }
        return new Scenario(kind, parameter);
    }

    public boolean is(Kind other) {
        return kind == other;
    }

    /** The parameter read as a share between 0 and 1 (for the percentage scenarios). */
    public double share() {
        return Math.min(100, parameter) / 100.0;
    }
}
