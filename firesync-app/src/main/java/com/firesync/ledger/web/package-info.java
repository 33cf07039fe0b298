/**
 * Accounts and transactions over HTTP.
 */
@NullMarked
package com.firesync.ledger.web;

import org.jspecify.annotations.NullMarked;
