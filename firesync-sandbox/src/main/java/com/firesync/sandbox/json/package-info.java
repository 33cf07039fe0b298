/**
 * The Powens JSON shapes the sandbox answers with, and their mapping from the bank world.
 */
@NullMarked
package com.firesync.sandbox.json;

import org.jspecify.annotations.NullMarked;
