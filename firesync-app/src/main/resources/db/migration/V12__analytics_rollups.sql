-- Analytics' daily roll-ups per account, derived from the ledger and kept by its write path (rebuilt on demand).
-- flow is the sum of the day's booked rows (for balance history); income and expenses leave out internal transfers
-- and the rows of loan and investment accounts; transfers counts the day's rows left out as transfers.
CREATE TABLE account_days (
    account_id BIGINT         NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    booked_on  DATE           NOT NULL,
    user_id    BIGINT         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    currency   VARCHAR(8)     NOT NULL,
    flow       NUMERIC(19, 4) NOT NULL,
    income     NUMERIC(19, 4) NOT NULL,
    expenses   NUMERIC(19, 4) NOT NULL,
    transfers  INTEGER        NOT NULL,
    PRIMARY KEY (account_id, booked_on)
);
CREATE INDEX account_days_user_day ON account_days (user_id, booked_on);

-- The same, per category (0: none given), for spending by category.
CREATE TABLE category_days (
    account_id  BIGINT         NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    booked_on   DATE           NOT NULL,
    category_id BIGINT         NOT NULL,
    user_id     BIGINT         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    currency    VARCHAR(8)     NOT NULL,
    income      NUMERIC(19, 4) NOT NULL,
    expenses    NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (account_id, booked_on, category_id)
);
CREATE INDEX category_days_user_day ON category_days (user_id, booked_on);

-- One row per user whose roll-ups are kept: locked while they are recomputed, so two writers never interleave.
CREATE TABLE analytics_users (
    user_id    BIGINT                   NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
