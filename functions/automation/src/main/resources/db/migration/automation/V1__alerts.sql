-- Write side: the book (symbol) each alert lives in, inserted in the transaction that creates the alert, so a change
-- to an alert by id finds its book's stream at once (the read model below may lag). Never updated: an alert keeps
-- its symbol.
CREATE TABLE alert_books (
    alert_id UUID PRIMARY KEY,
    symbol   TEXT NOT NULL
);

-- Read model, fed by the projectAlerts projector from transport.automation. One row per alert; owners (user_id)
-- come from alert.created and every query filters on them. version is the book stream's version at the last change.
CREATE TABLE alerts (
    alert_id                      UUID           PRIMARY KEY,
    user_id                       UUID           NOT NULL,
    symbol                        TEXT           NOT NULL,
    condition                     TEXT           NOT NULL,
    threshold                     NUMERIC(24, 4),
    percent                       NUMERIC(12, 4),
    direction                     TEXT,
    reference_price               NUMERIC(24, 4),
    frequency                     TEXT           NOT NULL,
    status                        TEXT           NOT NULL
        CHECK (status IN ('active', 'paused', 'triggered', 'expired', 'deleted')),
    expires_at                    TIMESTAMPTZ,
    action                        JSONB,
    trigger_count                 INT            NOT NULL DEFAULT 0,
    last_triggered_price          NUMERIC(24, 4),
    last_triggered_previous_price NUMERIC(24, 4),
    last_triggered_sequence       BIGINT,
    last_triggered_at             TIMESTAMPTZ,
    created_at                    TIMESTAMPTZ    NOT NULL,
    updated_at                    TIMESTAMPTZ    NOT NULL,
    version                       BIGINT         NOT NULL
);

CREATE INDEX alerts_owner ON alerts (user_id, status, created_at DESC);

-- The expiry job's candidates: live alerts with an expiry.
CREATE INDEX alerts_due ON alerts (expires_at) WHERE status IN ('active', 'paused') AND expires_at IS NOT NULL;
