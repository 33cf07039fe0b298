-- Each connection's consent expiry (Enable Banking's access.valid_until; null when the provider does not say), and,
-- for providers whose access is per connection rather than per user (an Enable Banking session id), that access
-- encrypted with Tink AEAD as the provider tokens are, bound to the connection's id. Owned by the connection module.
ALTER TABLE connections ADD COLUMN consent_expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE connections ADD COLUMN access_ciphertext BYTEA;
