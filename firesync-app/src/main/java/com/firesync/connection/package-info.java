/**
 * Bank connections: the connect and reconnect flows through the provider's webview, the user's provider identity and
 * its encrypted token, and the connections themselves.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"provider", "security", "shared"})
package com.firesync.connection;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
