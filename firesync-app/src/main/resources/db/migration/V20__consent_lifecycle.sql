-- Consent lifecycle (issue 17). consent_warned_for: the consent expiry for which the connection's consent.expiring
-- event was appended, so that each consent is announced once, whichever instance finds it and however often; a
-- renewed consent (a new expiry) is announced again. Owned by the connection module.
ALTER TABLE connections ADD COLUMN consent_warned_for TIMESTAMP WITH TIME ZONE;
-- An account's identity at the provider that outlives one authorisation (Enable Banking's identification_hash),
-- while provider_account_id (an Enable Banking uid) changes with each session: a renewed consent's accounts are
-- matched to the stored ones by it, or by IBAN. Owned by the ledger module.
ALTER TABLE accounts ADD COLUMN provider_identity VARCHAR(255);
