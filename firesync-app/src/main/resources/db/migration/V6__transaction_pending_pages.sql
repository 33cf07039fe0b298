-- Newest-first keyset pages filtered on pending. Without it a pending=true page walks the user's whole page index past
-- the booked rows, which are nearly all of them. The same filter with an account uses it too (the user's pending rows
-- are few: pending transactions are the latest ones), so no per-account twin is added: each index costs every write.
CREATE INDEX transactions_user_pending_page ON transactions (user_id, pending, booked_date, id);
