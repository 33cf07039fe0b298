/**
 * The Powens API face under {@code /sandbox/2.0}: JSON shapes, pagination, error bodies and injected faults.
 */
@NullMarked
package com.firesync.sandbox.api;

import org.jspecify.annotations.NullMarked;
