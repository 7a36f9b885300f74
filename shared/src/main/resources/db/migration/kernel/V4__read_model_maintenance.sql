-- Rebuilds, repairs and integrity checks of read models: one row per run, its phase and progress, readable from any
-- process while it runs. At most one unfinished run per projection.
CREATE TABLE read_model_maintenance (
    run_id         UUID        PRIMARY KEY,
    projection     TEXT        NOT NULL,
    kind           TEXT        NOT NULL CHECK (kind IN ('rebuild', 'repair', 'check')),
    phase          TEXT        NOT NULL,
    events_applied BIGINT      NOT NULL DEFAULT 0,
    events_total   BIGINT      NOT NULL DEFAULT 0,
    differences    BIGINT,
    error          TEXT,
    requested_by   TEXT,
    started_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ
);
CREATE UNIQUE INDEX read_model_maintenance_one_running ON read_model_maintenance (projection) WHERE finished_at IS NULL;

-- Differences an integrity check found between a read model and its replay, written in the check's transaction and
-- published to alerts.data-integrity from here (published_at stamped once Kafka acknowledged): no dual write.
-- An open difference is recorded once per row; a later check that no longer sees it, or a repair, resolves it.
CREATE TABLE integrity_issues (
    issue_id      UUID        PRIMARY KEY,
    projection    TEXT        NOT NULL,
    table_name    TEXT        NOT NULL,
    row_key       JSONB       NOT NULL,
    kind          TEXT        NOT NULL CHECK (kind IN ('missing', 'extra', 'different')),
    columns       TEXT[]      NOT NULL,
    live_row      JSONB,
    expected_row  JSONB,
    check_id      UUID        NOT NULL,
    detected_at   TIMESTAMPTZ NOT NULL,
    last_check_id UUID        NOT NULL,
    published_at  TIMESTAMPTZ,
    resolved_at   TIMESTAMPTZ,
    resolved_by   TEXT
);
CREATE UNIQUE INDEX integrity_issues_open ON integrity_issues (projection, table_name, row_key) WHERE resolved_at IS NULL;
CREATE INDEX integrity_issues_unpublished ON integrity_issues (detected_at) WHERE published_at IS NULL;
