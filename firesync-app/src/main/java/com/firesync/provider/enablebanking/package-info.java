/**
 * The Enable Banking adapter of the provider port: application JWTs, the HTTP client and the mapping of its sessions,
 * accounts, balances and transactions. No Enable Banking type leaves this package.
 */
@NullMarked
package com.firesync.provider.enablebanking;

import org.jspecify.annotations.NullMarked;
