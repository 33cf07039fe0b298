/**
 * The Enable Banking face of the sandbox under {@code /sandbox/enablebanking}: application JWTs, the bank list, the
 * authorisation page, sessions, account details, balances and transactions, and the unattended-access limit, over the
 * same bank world as the Powens face.
 */
@NullMarked
package com.firesync.sandbox.enablebanking;

import org.jspecify.annotations.NullMarked;
