-- The event store: the single source of truth. Kafka topics are derived from this table and can be rebuilt from it.
CREATE TABLE event_store_events (
    global_position BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The writing transaction. The outbox relay reads only below the oldest running transaction, in
    -- (transaction_id, global_position) order, so a slow transaction that commits late is never skipped.
    transaction_id  XID8        NOT NULL DEFAULT pg_current_xact_id(),
    event_id        UUID        NOT NULL,
    stream_id       TEXT        NOT NULL,
    stream_type     TEXT        NOT NULL,
    version         BIGINT      NOT NULL CHECK (version > 0),
    event_type      TEXT        NOT NULL,
    schema_version  INT         NOT NULL,
    payload         JSONB       NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    correlation_id  UUID,
    causation_id    UUID,
    user_id         TEXT,
    CONSTRAINT event_store_events_stream_version UNIQUE (stream_id, version)
);

CREATE INDEX event_store_events_commit_order ON event_store_events (transaction_id, global_position);

-- A snapshot is only a starting point for loading: the append still checks the version.
CREATE TABLE event_store_snapshots (
    stream_id      TEXT        PRIMARY KEY,
    version        BIGINT      NOT NULL,
    state_type     TEXT        NOT NULL,
    schema_version INT         NOT NULL,
    state          JSONB       NOT NULL,
    taken_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Where each outbox relay has published up to, in commit order.
CREATE TABLE outbox_relay_checkpoints (
    relay          TEXT   PRIMARY KEY,
    last_xid       XID8   NOT NULL,
    last_position  BIGINT NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- First answer per (caller, Idempotency-Key), written in the same transaction as the command's events.
CREATE TABLE idempotency_keys (
    scope           TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    fingerprint     TEXT        NOT NULL,
    outcome         TEXT        NOT NULL CHECK (outcome IN ('result', 'rejection')),
    body            JSONB       NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idempotency_key)
);

CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);

-- Set-wide uniqueness (usernames, emails) that a single stream cannot guard: claimed in the append's transaction.
CREATE TABLE unique_claims (
    scope      TEXT        NOT NULL,
    value      TEXT        NOT NULL,
    owner      TEXT        NOT NULL,
    claimed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, value)
);

-- Per projection and stream: the last version applied, written with the read-model change it records.
CREATE TABLE projection_checkpoints (
    projection TEXT   NOT NULL,
    stream_id  TEXT   NOT NULL,
    version    BIGINT NOT NULL,
    position   BIGINT NOT NULL,
    PRIMARY KEY (projection, stream_id)
);
