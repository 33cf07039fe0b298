/**
 * FIRE analytics over the ledger: daily roll-ups per account kept by the ledger's write path, balance history, net
 * worth, cash flow, spending, financial-independence figures and a Monte Carlo projection, always for one user and
 * per currency.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"ledger", "shared"})
package com.firesync.analytics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
