/**
 * The bank world: banks, users, connections, accounts and transactions derived from a seed and the clock. Pure
 * Java, no Spring; only what was changed through the API is held in memory.
 */
@NullMarked
package com.firesync.sandbox.world;

import org.jspecify.annotations.NullMarked;
