-- Saga state, versioned: an update names the version it read (a late worker cannot overwrite newer state).
CREATE TABLE saga_instances (
    saga_id        TEXT        PRIMARY KEY,
    saga_name      TEXT        NOT NULL,
    user_id        TEXT,
    version        BIGINT      NOT NULL,
    status         TEXT        NOT NULL,
    step           INT         NOT NULL,
    attempt        INT         NOT NULL,
    failed_step    TEXT,
    failure_code   TEXT,
    failure_reason TEXT,
    data           JSONB       NOT NULL,
    started_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX saga_instances_by_status ON saga_instances (saga_name, status);

-- A saga's outgoing commands, written with the state change that sends them; published to saga.{name} by the
-- command relay, which stamps dispatched_at once Kafka acknowledged. The id is deterministic per step attempt.
CREATE TABLE saga_commands (
    command_id    TEXT        PRIMARY KEY,
    saga_id       TEXT        NOT NULL,
    saga_name     TEXT        NOT NULL,
    step          TEXT        NOT NULL,
    function_name TEXT        NOT NULL,
    user_id       TEXT,
    body          JSONB       NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    dispatched_at TIMESTAMPTZ
);
CREATE INDEX saga_commands_pending ON saga_commands (recorded_at) WHERE dispatched_at IS NULL;

-- At most one due time per saga: its current step's timeout, or the end of a backoff.
CREATE TABLE saga_deadlines (
    saga_id   TEXT        PRIMARY KEY,
    saga_name TEXT        NOT NULL,
    kind      TEXT        NOT NULL,
    step      INT         NOT NULL,
    attempt   INT         NOT NULL,
    due_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX saga_deadlines_due ON saga_deadlines (saga_name, due_at);

-- What happened to each step, in order: started, completed, failed, timed out, compensated.
CREATE TABLE saga_timeline (
    saga_id    TEXT        NOT NULL,
    seq        BIGSERIAL,
    step       TEXT,
    what       TEXT        NOT NULL,
    command_id TEXT,
    detail     TEXT,
    at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (saga_id, seq)
);
