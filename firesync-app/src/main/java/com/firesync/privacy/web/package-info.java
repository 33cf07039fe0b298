/**
 * Connection deletion, user erasure and data export over HTTP.
 */
@NullMarked
package com.firesync.privacy.web;

import org.jspecify.annotations.NullMarked;
