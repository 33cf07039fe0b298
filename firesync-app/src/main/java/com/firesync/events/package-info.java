/**
 * Events: the durable log of what happened to a user's data (syncs, connection states, transaction changes), written
 * in the same database transaction as each change, and the ways it goes out live.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"connection", "ledger", "runtime", "security", "shared", "sync"})
package com.firesync.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
