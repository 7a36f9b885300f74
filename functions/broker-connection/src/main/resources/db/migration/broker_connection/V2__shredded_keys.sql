-- Crypto-shredding leaves a tombstone instead of no row: the user's key row keeps its primary key with the wrapped
-- key gone and the time it was destroyed. The vault then answers "shredded" (not just "unavailable"), refuses to
-- make the user a new key, and a sealing that races the shredding meets it at this row's primary key.
ALTER TABLE credential_keys ALTER COLUMN wrapped_key DROP NOT NULL;
ALTER TABLE credential_keys ALTER COLUMN master_key_id DROP NOT NULL;
ALTER TABLE credential_keys ADD COLUMN shredded_at TIMESTAMPTZ;
ALTER TABLE credential_keys ADD CONSTRAINT credential_keys_shredded_has_no_key
    CHECK ((shredded_at IS NULL) = (wrapped_key IS NOT NULL));
