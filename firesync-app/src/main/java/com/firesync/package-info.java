/**
 * FireSync: pulls bank accounts, balances and transactions from an aggregator into its own database and serves them over a REST API.
 */
@NullMarked
package com.firesync;

import org.jspecify.annotations.NullMarked;
