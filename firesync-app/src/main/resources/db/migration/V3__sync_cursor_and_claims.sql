-- The incremental cursor is an instant (the provider's last_update of the newest committed change), and a sync
-- claims its connection with a lease so that two syncs of one connection never run at once, across instances too.
ALTER TABLE connections DROP COLUMN sync_cursor;
ALTER TABLE connections ADD COLUMN sync_cursor TIMESTAMP WITH TIME ZONE;
ALTER TABLE connections ADD COLUMN sync_claimed_by VARCHAR(64);
ALTER TABLE connections ADD COLUMN sync_claimed_until TIMESTAMP WITH TIME ZONE;
