package com.firesync.sandbox.world;

import java.util.Locale;
import java.util.Optional;

/**
 * The two sandbox banks. Demo Bank never fails; Test Bank reads a {@link Scenario} from the login.
 */
public enum Bank {

    DEMO(1, "2e2f2f2f-0000-4000-8000-00000000de40", "Demo Bank"), TEST(2, "2e2f2f2f-0000-4000-8000-0000000007e5",
            "Test Bank");

    private final long connectorId;

    private final String uuid;

    private final String displayName;

    Bank(long connectorId, String uuid, String displayName) {
        this.connectorId = connectorId;
        this.uuid = uuid;
        this.displayName = displayName;
    }

    public long connectorId() {
        return connectorId;
    }

    public String uuid() {
        return uuid;
    }

    public String displayName() {
        return displayName;
    }

    /** The value of the webview's {@code bank} form field. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Bank> fromCode(String code) {
        for (Bank bank : values()) {
            if (bank.code().equalsIgnoreCase(code.strip())) {
                return Optional.of(bank);
            }
        }
        return Optional.empty();
    }
}
