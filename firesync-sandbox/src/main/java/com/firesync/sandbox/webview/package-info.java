/**
 * The sandbox webview: the HTML bank picker and its form, a documented machine contract.
 */
@NullMarked
package com.firesync.sandbox.webview;

import org.jspecify.annotations.NullMarked;
