/**
 * The process itself: its settings (read from the documented environment variables and validated before anything
 * starts), its data directory, and what it reports when it starts.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package com.firesync.runtime;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
