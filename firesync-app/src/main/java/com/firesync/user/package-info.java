/**
 * Users and their API tokens: who may call FireSync, and the admin created on first start.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"runtime", "shared"})
package com.firesync.user;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
