-- Newest-first keyset pages filtered on pending, per user and per account. Without them a pending=true page walks the
-- user's (or account's) whole page index past the booked rows, which are nearly all of them.
CREATE INDEX transactions_user_pending_page ON transactions (user_id, pending, booked_date, id);
CREATE INDEX transactions_account_pending_page ON transactions (account_id, pending, booked_date, id);
