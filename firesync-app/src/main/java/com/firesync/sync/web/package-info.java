/**
 * Sync over HTTP: intelligent sync requests and the per-connection status.
 */
@NullMarked
package com.firesync.sync.web;

import org.jspecify.annotations.NullMarked;
