/**
 * Enable Banking's JSON shapes (snake_case), as the API reference gives them.
 */
@NullMarked
package com.firesync.sandbox.enablebanking.json;

import org.jspecify.annotations.NullMarked;
