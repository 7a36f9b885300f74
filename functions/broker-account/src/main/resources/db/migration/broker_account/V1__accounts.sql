-- Read models fed by the projectAccounts projector. The account streams are the truth; these tables only mirror
-- them (and the virtual broker's prices) for queries.
CREATE TABLE accounts (
    id             UUID          PRIMARY KEY,
    user_id        TEXT          NOT NULL,
    broker         TEXT          NOT NULL,
    connection_id  TEXT,
    name           TEXT          NOT NULL,
    status         TEXT          NOT NULL,
    currency       TEXT          NOT NULL,
    allow_shorting BOOLEAN       NOT NULL,
    cash           NUMERIC(20,2) NOT NULL,
    reserved_cash  NUMERIC(20,2) NOT NULL,
    opened_at      TIMESTAMPTZ   NOT NULL,
    updated_at     TIMESTAMPTZ   NOT NULL,
    version        BIGINT        NOT NULL
);

CREATE INDEX accounts_by_user ON accounts (user_id, opened_at, id);

-- Quantity is negative for a short. last_price follows the virtual broker's ticks (or the last fill before one).
CREATE TABLE account_holdings (
    account_id UUID          NOT NULL REFERENCES accounts (id),
    symbol     TEXT          NOT NULL,
    quantity   NUMERIC(24,6) NOT NULL,
    last_price NUMERIC(20,4),
    updated_at TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (account_id, symbol)
);

CREATE INDEX account_holdings_by_symbol ON account_holdings (symbol);

-- The last price of each symbol, so a holding opened after a tick starts from it.
CREATE TABLE account_prices (
    symbol     TEXT          PRIMARY KEY,
    price      NUMERIC(20,4) NOT NULL,
    at         TIMESTAMPTZ   NOT NULL
);

-- The ledger: one row per cash movement (a fill with a commission is a 'fill' and a 'fee' row), keyed by the
-- event's place in the stream, so the newest-first page is an index scan.
CREATE TABLE account_activities (
    account_id  UUID          NOT NULL REFERENCES accounts (id),
    version     BIGINT        NOT NULL,
    kind        TEXT          NOT NULL,
    amount      NUMERIC(20,2) NOT NULL,
    cash        NUMERIC(20,2) NOT NULL,
    transfer_id UUID,
    order_id    TEXT,
    fill_id     TEXT,
    symbol      TEXT,
    side        TEXT,
    quantity    NUMERIC(24,6),
    price       NUMERIC(20,4),
    at          TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (account_id, version, kind)
);
