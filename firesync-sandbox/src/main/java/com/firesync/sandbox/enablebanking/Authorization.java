package com.firesync.sandbox.enablebanking;

import com.firesync.sandbox.world.Bank;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One {@code POST /auth}: what was asked, and once the user went through the authorisation page, the code of the
 * redirect and the connection (the bank customer's) it grants.
 */
final class Authorization {

    private final String id;

    private final Bank bank;

    private final String state;

    private final String redirectUrl;

    private final OffsetDateTime validUntil;

    private final String psuIdHash;

    private final boolean balances;

    private final boolean transactions;

    private final Instant created;

    private @Nullable String code;

    private @Nullable Instant authorized;

    private long connectionId;

    private boolean redeemed;

    Authorization(String id, Bank bank, String state, String redirectUrl, OffsetDateTime validUntil, String psuIdHash,
            boolean balances, boolean transactions, Instant created) {
        this.id = id;
        this.bank = bank;
        this.state = state;
        this.redirectUrl = redirectUrl;
        this.validUntil = validUntil;
        this.psuIdHash = psuIdHash;
        this.balances = balances;
        this.transactions = transactions;
        this.created = created;
    }

    String id() {
        return id;
    }

    Bank bank() {
        return bank;
    }

    String state() {
        return state;
    }

    String redirectUrl() {
        return redirectUrl;
    }

    OffsetDateTime validUntil() {
        return validUntil;
    }

    String psuIdHash() {
        return psuIdHash;
    }

    boolean balances() {
        return balances;
    }

    boolean transactions() {
        return transactions;
    }

    Instant created() {
        return created;
    }

    synchronized boolean open() {
        return code == null;
    }

    /** The user authorised at the bank: the connection is granted and the redirect's code issued. */
    synchronized void authorize(String newCode, long connection, Instant at) {
        this.code = newCode;
        this.connectionId = connection;
        this.authorized = at;
    }

    synchronized @Nullable Instant authorized() {
        return authorized;
    }

    synchronized long connectionId() {
        return connectionId;
    }

    /** Uses the code up; false when it already was. */
    synchronized boolean redeem() {
        if (redeemed) {
            return false;
        }
        redeemed = true;
        return true;
    }
}
