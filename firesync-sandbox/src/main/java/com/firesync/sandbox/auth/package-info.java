/**
 * Sandbox credentials: client checks, permanent user tokens derived from a key, temporary codes.
 */
@NullMarked
package com.firesync.sandbox.auth;

import org.jspecify.annotations.NullMarked;
