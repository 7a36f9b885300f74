-- Write side: password hashes (Argon2id), written in the same transaction as the events that create or disable
-- them. Never projected, never published.
CREATE TABLE user_credentials (
    user_id       UUID        PRIMARY KEY,
    password_hash TEXT        NOT NULL,
    active        BOOLEAN     NOT NULL DEFAULT TRUE,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Read model, fed by the projectUsers projector. Constraints of the business (unique names) are enforced on the
-- write side; this table only mirrors the streams.
CREATE TABLE users (
    id           UUID        PRIMARY KEY,
    username     TEXT        NOT NULL,
    email        TEXT        NOT NULL,
    display_name TEXT,
    bio          TEXT,
    timezone     TEXT,
    status       TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    version      BIGINT      NOT NULL
);

CREATE INDEX users_username ON users (username);
CREATE INDEX users_listing ON users (created_at, id);
