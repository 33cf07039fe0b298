/**
 * Who may call what: bearer API tokens on {@code /api/**}, admin-only routes, and problem answers for refusals.
 */
@NullMarked
package com.firesync.security;

import org.jspecify.annotations.NullMarked;
