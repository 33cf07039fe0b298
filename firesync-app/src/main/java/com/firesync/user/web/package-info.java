/**
 * User administration over HTTP.
 */
@NullMarked
package com.firesync.user.web;

import org.jspecify.annotations.NullMarked;
