-- The provider's category of each transaction (Powens id_category) and, when the provider names it, the IBAN of the
-- counterparty's account: analytics groups spending by category and pairs internal transfers by IBAN.
ALTER TABLE transactions ADD COLUMN category_id BIGINT;
ALTER TABLE transactions ADD COLUMN counterparty_iban VARCHAR(64);

-- Internal transfers: a debit of one account paired with the opposite credit of another account of the same user.
-- One row per pair, kept by the ledger's write path (see docs/analytics.md for the rule).
CREATE TABLE transfers (
    debit_id       BIGINT  NOT NULL PRIMARY KEY REFERENCES transactions (id) ON DELETE CASCADE,
    credit_id      BIGINT  NOT NULL UNIQUE REFERENCES transactions (id) ON DELETE CASCADE,
    user_id        BIGINT  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    debit_account  BIGINT  NOT NULL,
    credit_account BIGINT  NOT NULL,
    amount         NUMERIC(19, 4) NOT NULL,
    debit_date     DATE    NOT NULL
);
CREATE INDEX transfers_user_date ON transfers (user_id, debit_date);
-- A change re-marks only the transfers of the amounts it touched: their candidates are found by amount.
CREATE INDEX transactions_user_amount ON transactions (user_id, amount, booked_date);

-- One row per user whose transfers are marked, locked while they are marked again: two writers of one user's rows
-- mark one after the other. Nothing references it, so the lock never meets the foreign keys' share locks.
CREATE TABLE transfer_locks (
    user_id   BIGINT                   NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    locked_at TIMESTAMP WITH TIME ZONE NOT NULL
);
