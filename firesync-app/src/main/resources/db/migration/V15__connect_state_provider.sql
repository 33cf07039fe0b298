-- The provider a connect state was handed out for: a callback of another provider does not find it. Owned by the
-- connection module (ConnectStates).
ALTER TABLE connect_states ADD COLUMN provider VARCHAR(32) DEFAULT 'powens' NOT NULL;
