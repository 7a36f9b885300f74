-- Per-user data keys, stored only wrapped by the key-encryption service (master key locally, KMS on AWS).
-- Deleting a row is crypto-shredding: that user's credentials can no longer be opened anywhere.
CREATE TABLE credential_keys (
    user_id       TEXT        PRIMARY KEY,
    wrapped_key   BYTEA       NOT NULL,
    master_key_id TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);

-- Broker credentials sealed with AES-GCM under their user's data key; events carry only credential_ref.
CREATE TABLE broker_credentials (
    credential_ref TEXT        PRIMARY KEY,
    user_id        TEXT        NOT NULL,
    ciphertext     BYTEA       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);

-- The connections read model: one row per connection, its status and, when failed, where and why.
CREATE TABLE connections (
    connection_id  UUID        PRIMARY KEY,
    user_id        TEXT        NOT NULL,
    broker         TEXT        NOT NULL,
    status         TEXT        NOT NULL,
    stage          TEXT        NOT NULL,
    failed_step    TEXT,
    failure_code   TEXT,
    failure_reason TEXT,
    accounts       JSONB       NOT NULL DEFAULT '[]',
    requested_at   TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    version        BIGINT      NOT NULL
);
CREATE INDEX connections_by_user ON connections (user_id, requested_at DESC);
