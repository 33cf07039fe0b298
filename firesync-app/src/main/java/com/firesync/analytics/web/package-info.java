/**
 * The analytics routes under {@code /api/analytics}.
 */
@NullMarked
package com.firesync.analytics.web;

import org.jspecify.annotations.NullMarked;
