-- An operation made in another currency (a card payment abroad) keeps what the bank charged in that currency, next to
-- the amount in the account's currency. Both stay null for the usual operation in the account's currency.
ALTER TABLE transactions ADD COLUMN original_amount NUMERIC(19, 4);
ALTER TABLE transactions ADD COLUMN original_currency VARCHAR(8);
