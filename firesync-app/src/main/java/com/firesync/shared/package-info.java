/**
 * The shared kernel: the authenticated caller, the response envelope and the API error type, and static helpers
 * every module uses the same way (instants over JDBC, a user's lock row, hashing, text). Value types and static
 * helpers only, no beans.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package com.firesync.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
