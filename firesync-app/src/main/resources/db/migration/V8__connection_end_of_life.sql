-- A connection or user on its way out. deleting_since marks a deletion asked for and not finished (the provider may
-- still have to be told, retried by a job): the connection or user is invisible to the API and never synced again.
-- archived_at marks a connection deleted with its history kept: its accounts and transactions stay, flagged archived.
ALTER TABLE connections ADD COLUMN deleting_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE connections ADD COLUMN archived_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN erasing_since TIMESTAMP WITH TIME ZONE;
