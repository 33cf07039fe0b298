-- The first day a bank listed at the connection's last sync, when it listed less than FireSync's synced history
-- (many banks refuse periods longer than about 90 days): rows older than that were never read from it, and a
-- reconciliation removes nothing before it. NULL when the bank listed everything asked. Owned by the connection
-- module; shown in /api/sync/status as bankHistoryFrom. (V19 stays unused.)
ALTER TABLE connections ADD COLUMN bank_history_from DATE;
