/**
 * The shared kernel: the authenticated caller, the response envelope and the API error type. Value types only,
 * no beans.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package com.firesync.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
