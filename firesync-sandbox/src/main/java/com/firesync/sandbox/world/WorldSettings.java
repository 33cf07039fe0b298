package com.firesync.sandbox.world;

import java.time.Duration;

/**
 * What shapes the bank world.
 *
 * @param seed the seed every generated value derives from
 * @param history how far back a new connection's data reaches
 * @param accountsPerConnection accounts of each Test Bank connection (checking, savings, card, then again); at the Demo
 *        Bank, at most this many of the household's accounts
 * @param transactionsPerDay average operations per account per day (doubled by the {@code churn} scenario)
 */
public record WorldSettings(long seed, Duration history, int accountsPerConnection, int transactionsPerDay) {
}
