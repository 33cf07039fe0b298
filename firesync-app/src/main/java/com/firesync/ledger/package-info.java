/**
 * The ledger: accounts, daily balances and transactions as FireSync stores them, and the read queries the API serves,
 * always scoped to one user.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"provider", "runtime", "shared"})
package com.firesync.ledger;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
