/**
 * The built-in Powens-compatible sandbox: a deterministic bank world behind a Powens API face, a webview and signed
 * webhooks. Depends on nothing else in FireSync; nothing in FireSync depends on it.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package com.firesync.sandbox;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
