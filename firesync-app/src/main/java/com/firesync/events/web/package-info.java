/**
 * The HTTP face of the event log: streams of a caller's events.
 */
@NullMarked
package com.firesync.events.web;

import org.jspecify.annotations.NullMarked;
