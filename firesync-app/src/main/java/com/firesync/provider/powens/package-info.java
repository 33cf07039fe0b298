/**
 * The Powens implementation of the banking provider port: the HTTP client, Powens' JSON shapes and their mapping to
 * provider records, failure classification, the Webview URLs and webhook signature verification. Only
 * {@link com.firesync.provider.powens.WebhookSignature} is meant for other modules; Powens types stay here.
 */
@NullMarked
@NamedInterface("powens")
package com.firesync.provider.powens;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
