-- Read models, fed by the projectPositions projector from transport.position (the positions' own events) and
-- transport.virtual_broker (price ticks). Owners (user_id) come from the fill events; queries filter on them.

-- Open positions, one row per account and symbol; the row goes when the position closes.
CREATE TABLE positions (
    account_id          UUID           NOT NULL,
    symbol              TEXT           NOT NULL,
    user_id             UUID           NOT NULL,
    side                TEXT           NOT NULL CHECK (side IN ('long', 'short')),
    quantity            NUMERIC(24, 6) NOT NULL,
    max_quantity        NUMERIC(24, 6) NOT NULL,
    average_entry_price NUMERIC(24, 6) NOT NULL,
    cost_basis          NUMERIC        NOT NULL, -- quantity × average entry, exact; rounded to cents when read
    realized_pnl        NUMERIC(24, 2) NOT NULL,
    opened_at           TIMESTAMPTZ    NOT NULL,
    updated_at          TIMESTAMPTZ    NOT NULL,
    version             BIGINT         NOT NULL,
    PRIMARY KEY (account_id, symbol)
);

CREATE INDEX positions_owner ON positions (user_id, account_id);

-- Closed positions, one row per position life (open to flat); closed_version is the stream version of the close.
CREATE TABLE closed_positions (
    account_id          UUID           NOT NULL,
    symbol              TEXT           NOT NULL,
    closed_version      BIGINT         NOT NULL,
    user_id             UUID           NOT NULL,
    side                TEXT           NOT NULL,
    max_quantity        NUMERIC(24, 6) NOT NULL,
    average_entry_price NUMERIC(24, 6) NOT NULL,
    exit_price          NUMERIC(24, 4) NOT NULL,
    realized_pnl        NUMERIC(24, 2) NOT NULL,
    opened_at           TIMESTAMPTZ    NOT NULL,
    closed_at           TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (account_id, symbol, closed_version)
);

CREATE INDEX closed_positions_owner ON closed_positions (user_id, closed_at DESC);

-- The last traded price per symbol, to value open positions at query time.
CREATE TABLE position_prices (
    symbol     TEXT           PRIMARY KEY,
    last_price NUMERIC(24, 4) NOT NULL,
    sequence   BIGINT         NOT NULL,
    updated_at TIMESTAMPTZ    NOT NULL
);
