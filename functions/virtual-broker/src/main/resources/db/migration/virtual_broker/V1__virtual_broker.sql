-- The instruments the paper broker trades, with a reference price the simulated feed starts its walk from.
CREATE TABLE instruments (
    symbol          TEXT          PRIMARY KEY,
    name            TEXT          NOT NULL,
    reference_price NUMERIC(18,4) NOT NULL CHECK (reference_price > 0)
);

INSERT INTO instruments (symbol, name, reference_price) VALUES
    ('AAPL',  'Apple Inc.',                         190.0000),
    ('MSFT',  'Microsoft Corporation',              420.0000),
    ('NVDA',  'NVIDIA Corporation',                 120.0000),
    ('AMZN',  'Amazon.com, Inc.',                   180.0000),
    ('GOOGL', 'Alphabet Inc. Class A',              170.0000),
    ('META',  'Meta Platforms, Inc.',               500.0000),
    ('TSLA',  'Tesla, Inc.',                        250.0000),
    ('JPM',   'JPMorgan Chase & Co.',               200.0000),
    ('V',     'Visa Inc.',                          275.0000),
    ('BRK.B', 'Berkshire Hathaway Inc. Class B',    410.0000),
    ('SPY',   'SPDR S&P 500 ETF Trust',             540.0000),
    ('QQQ',   'Invesco QQQ Trust',                  470.0000),
    ('IWM',   'iShares Russell 2000 ETF',           210.0000);

-- The last tick per symbol, upserted in the same transaction as the price-ticked event (write side, not a
-- projection), so an order received after a tick commits always sees it.
CREATE TABLE vb_last_prices (
    symbol    TEXT          PRIMARY KEY REFERENCES instruments (symbol),
    price     NUMERIC(18,4) NOT NULL,
    sequence  BIGINT        NOT NULL,
    ticked_at TIMESTAMPTZ   NOT NULL
);

-- Working table of the matching engine: the open orders with what matching needs, maintained in the transaction
-- of each vb-order stream append. phase: market | limit | stop | trailing (how the order reacts to a price now).
CREATE TABLE vb_open_orders (
    order_id      UUID          PRIMARY KEY,
    account_id    UUID          NOT NULL,
    symbol        TEXT          NOT NULL,
    side          TEXT          NOT NULL,
    type          TEXT          NOT NULL,
    phase         TEXT          NOT NULL,
    remaining     NUMERIC(24,6) NOT NULL,
    limit_price   NUMERIC(18,4),
    stop_price    NUMERIC(18,4),
    water_mark    NUMERIC(18,4),
    trail_amount  NUMERIC(18,4),
    trail_percent NUMERIC(8,4),
    time_in_force TEXT          NOT NULL,
    expires_at    TIMESTAMPTZ,
    last_sequence BIGINT        NOT NULL
);

CREATE INDEX vb_open_orders_by_symbol ON vb_open_orders (symbol, last_sequence);
CREATE INDEX vb_open_orders_by_expiry ON vb_open_orders (expires_at) WHERE expires_at IS NOT NULL;

-- Every order the broker took and where it stands, for the broker adapter's order queries (and its idempotent
-- submit: one order per account and client order id). Written with the order stream's appends.
CREATE TABLE vb_orders (
    order_id           UUID          PRIMARY KEY,
    account_id         UUID          NOT NULL,
    user_id            TEXT,
    client_order_id    TEXT          NOT NULL,
    symbol             TEXT          NOT NULL,
    side               TEXT          NOT NULL,
    quantity           NUMERIC(24,6) NOT NULL,
    type               TEXT          NOT NULL,
    limit_price        NUMERIC(18,4),
    stop_price         NUMERIC(18,4),
    time_in_force      TEXT          NOT NULL,
    status             TEXT          NOT NULL,
    filled_quantity    NUMERIC(24,6) NOT NULL DEFAULT 0,
    average_fill_price NUMERIC(18,4),
    submitted_at       TIMESTAMPTZ   NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL,
    UNIQUE (account_id, client_order_id)
);

CREATE INDEX vb_orders_by_account ON vb_orders (account_id, updated_at);

-- The fills, for the adapter's activities and positions. Written with the order stream's appends.
CREATE TABLE vb_fills (
    fill_id    UUID          PRIMARY KEY,
    order_id   UUID          NOT NULL REFERENCES vb_orders (order_id),
    account_id UUID          NOT NULL,
    symbol     TEXT          NOT NULL,
    side       TEXT          NOT NULL,
    quantity   NUMERIC(24,6) NOT NULL,
    price      NUMERIC(18,4) NOT NULL,
    commission NUMERIC(18,2) NOT NULL,
    filled_at  TIMESTAMPTZ   NOT NULL
);

CREATE INDEX vb_fills_by_account ON vb_fills (account_id, filled_at);
