/**
 * Who may call what: bearer API tokens on {@code /api/**}, admin-only routes, and problem answers for refusals.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"runtime", "shared", "user"})
package com.firesync.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
