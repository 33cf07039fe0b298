/**
 * The API's conventions that every route shares: errors as problem details with a stable code, whatever fails and
 * wherever.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared"})
package com.firesync.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
