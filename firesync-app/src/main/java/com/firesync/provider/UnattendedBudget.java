package com.firesync.provider;

/**
 * A provider's limit on reads made without the user (PSD2's unattended access, RTS art. 36(5)): at most
 * {@code callsPerDay} calls of each kind per account and per day of the provider's {@link BankingProvider#zone()
 * calendar}. The adapter takes each such call from {@link UnattendedCalls} before sending it, and one sync spends at
 * most one call of each kind per account when it reads a single transaction listing: so a connection may sync
 * unattended {@code callsPerDay} times a day, which is how the sync planner spreads its syncs.
 *
 * @param callsPerDay the calls of each kind one account allows a day without the user
 */
public record UnattendedBudget(int callsPerDay) {

    public UnattendedBudget {
        if (callsPerDay < 1) {
            throw new IllegalArgumentException("callsPerDay must be at least 1");
        }
    }
}
