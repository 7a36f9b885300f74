-- portfolio's read models, fed by projectPortfolios from transport.portfolio (its own events) and, through its own
-- readers of their events, transport.broker_account, transport.position and transport.virtual_broker. No other
-- domain's table is read.

-- Portfolios and the accounts they span; a deleted portfolio's rows go.
CREATE TABLE portfolios (
    portfolio_id UUID        PRIMARY KEY,
    user_id      UUID        NOT NULL,
    name         TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL,
    version      BIGINT      NOT NULL
);

CREATE INDEX portfolios_owner ON portfolios (user_id, created_at);

CREATE TABLE portfolio_members (
    portfolio_id UUID        NOT NULL REFERENCES portfolios ON DELETE CASCADE,
    account_id   UUID        NOT NULL,
    added_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (portfolio_id, account_id)
);

-- Each account as analytics sees it: cash as broker_account reports it after every change, net external flows.
CREATE TABLE portfolio_account_books (
    account_id UUID           PRIMARY KEY,
    user_id    UUID           NOT NULL,
    cash       NUMERIC(24, 2) NOT NULL,
    net_flows  NUMERIC(24, 2) NOT NULL,
    updated_at TIMESTAMPTZ    NOT NULL
);

-- Holdings netted from account.fill-settled (the same stream as the cash, so equity never sees one without the
-- other); quantity is signed (short < 0).
CREATE TABLE portfolio_holdings (
    account_id      UUID           NOT NULL,
    symbol          TEXT           NOT NULL,
    quantity        NUMERIC(24, 6) NOT NULL,
    average_entry   NUMERIC(24, 6) NOT NULL,
    last_fill_price NUMERIC(24, 4),
    PRIMARY KEY (account_id, symbol)
);

CREATE INDEX portfolio_holdings_open ON portfolio_holdings (symbol) WHERE quantity <> 0;

-- The last traded price per symbol (virtual-broker.price-ticked).
CREATE TABLE portfolio_prices (
    symbol     TEXT           PRIMARY KEY,
    last_price NUMERIC(24, 4) NOT NULL,
    sequence   BIGINT         NOT NULL,
    updated_at TIMESTAMPTZ    NOT NULL
);

-- External flows: deposits (+) and withdrawals (-).
CREATE TABLE portfolio_flows (
    account_id  UUID           NOT NULL,
    transfer_id UUID           NOT NULL,
    amount      NUMERIC(24, 2) NOT NULL,
    at          TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (account_id, transfer_id)
);

-- Realized trade results: one row per position.reduced / position.closed.
CREATE TABLE portfolio_trades (
    account_id   UUID           NOT NULL,
    symbol       TEXT           NOT NULL,
    fill_id      TEXT           NOT NULL,
    kind         TEXT           NOT NULL CHECK (kind IN ('reduced', 'closed')),
    realized_pnl NUMERIC(24, 2) NOT NULL,
    at           TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (account_id, symbol, fill_id, kind)
);

CREATE INDEX portfolio_trades_time ON portfolio_trades (account_id, at);

-- The equity series per account, one point per account and minute (the minute's last value): storage grows with
-- time, not with the tick rate. A portfolio's series is the sum of its accounts' at read time.
CREATE TABLE portfolio_equity_minutes (
    account_id UUID           NOT NULL,
    minute     TIMESTAMPTZ    NOT NULL,
    equity     NUMERIC(28, 6) NOT NULL,
    net_flows  NUMERIC(24, 2) NOT NULL,
    at         TIMESTAMPTZ    NOT NULL, -- the event time of the value kept
    PRIMARY KEY (account_id, minute)
);

-- The daily close per account (UTC day), kept beside the minutes so these can be pruned without losing history.
CREATE TABLE portfolio_equity_days (
    account_id UUID           NOT NULL,
    day        DATE           NOT NULL,
    equity     NUMERIC(28, 6) NOT NULL,
    net_flows  NUMERIC(24, 2) NOT NULL,
    at         TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (account_id, day)
);
