/**
 * Test support shared by every module's tests.
 */
@NullMarked
package com.firesync.testing;

import org.jspecify.annotations.NullMarked;
