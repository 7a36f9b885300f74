-- Read models of the data-sync worker, fed by the projectSyncRuns projector from transport.data_sync.

-- One row per account that ever asked for a sync: its owner, each feed's cursor, the last request and run.
CREATE TABLE sync_accounts (
    account_id         UUID        PRIMARY KEY,
    user_id            TEXT        NOT NULL,
    orders_cursor      TIMESTAMPTZ,
    activities_cursor  TIMESTAMPTZ,
    last_requested_at  TIMESTAMPTZ,
    last_run_id        TEXT,
    version            BIGINT      NOT NULL
);

-- One row per sync run, with what it brought in (counts of new records), its timing and its error.
CREATE TABLE sync_runs (
    run_id             TEXT        PRIMARY KEY,
    account_id         UUID        NOT NULL,
    user_id            TEXT        NOT NULL,
    request_id         TEXT,
    status             TEXT        NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
    started_at         TIMESTAMPTZ NOT NULL,
    finished_at        TIMESTAMPTZ,
    pages              INT         NOT NULL DEFAULT 0,
    orders_imported    INT         NOT NULL DEFAULT 0,
    orders_updated     INT         NOT NULL DEFAULT 0,
    fills_imported     INT         NOT NULL DEFAULT 0,
    balances_observed  INT         NOT NULL DEFAULT 0,
    error_code         TEXT,
    error_reason       TEXT
);

CREATE INDEX sync_runs_by_account ON sync_runs (account_id, started_at DESC);

-- Connected (non-virtual) accounts, from broker_account's account.opened: what the scheduled job asks to sync.
CREATE TABLE sync_connected_accounts (
    account_id         UUID        PRIMARY KEY,
    user_id            TEXT        NOT NULL,
    broker             TEXT        NOT NULL,
    opened_at          TIMESTAMPTZ NOT NULL
);
