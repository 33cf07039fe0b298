-- Analytics' monthly roll-ups per account, summed from the daily ones (account_days, category_days) by the same
-- write path: a figure over a range reads its whole months here and only its partial first and last months by day,
-- so that a user with years of history and hundreds of accounts is answered from a few thousand rows.
CREATE TABLE account_months (
    account_id BIGINT         NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    month_start DATE           NOT NULL,
    user_id    BIGINT         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    currency   VARCHAR(8)     NOT NULL,
    income     NUMERIC(19, 4) NOT NULL,
    expenses   NUMERIC(19, 4) NOT NULL,
    transfers  INTEGER        NOT NULL,
    PRIMARY KEY (account_id, month_start)
);
CREATE INDEX account_months_user_month ON account_months (user_id, month_start);

CREATE TABLE category_months (
    account_id  BIGINT         NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    month_start DATE           NOT NULL,
    category_id BIGINT         NOT NULL,
    user_id     BIGINT         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    currency    VARCHAR(8)     NOT NULL,
    income      NUMERIC(19, 4) NOT NULL,
    expenses    NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (account_id, month_start, category_id)
);
CREATE INDEX category_months_user_month ON category_months (user_id, month_start);

-- What the daily roll-ups already hold, summed once.
INSERT INTO account_months (account_id, month_start, user_id, currency, income, expenses, transfers)
SELECT account_id, CAST(DATE_TRUNC('MONTH', booked_on) AS DATE), MIN(user_id), MIN(currency), SUM(income),
       SUM(expenses), SUM(transfers)
FROM account_days
GROUP BY account_id, CAST(DATE_TRUNC('MONTH', booked_on) AS DATE);

INSERT INTO category_months (account_id, month_start, category_id, user_id, currency, income, expenses)
SELECT account_id, CAST(DATE_TRUNC('MONTH', booked_on) AS DATE), category_id, MIN(user_id), MIN(currency),
       SUM(income), SUM(expenses)
FROM category_days
GROUP BY account_id, CAST(DATE_TRUNC('MONTH', booked_on) AS DATE), category_id;
