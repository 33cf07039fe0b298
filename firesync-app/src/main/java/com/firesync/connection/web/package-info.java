/**
 * The connect flow over HTTP: the webview URL and the browser callback.
 */
@NullMarked
package com.firesync.connection.web;

import org.jspecify.annotations.NullMarked;
