-- Read model of the order domain, fed by the projectOrders projector from transport.order. Business rules (client
-- order ids unique per account) are enforced on the write side; these tables only mirror the streams.
CREATE TABLE orders (
    order_id           UUID        PRIMARY KEY,
    account_id         UUID        NOT NULL,
    user_id            UUID        NOT NULL,
    broker             TEXT        NOT NULL,
    client_order_id    TEXT        NOT NULL,
    symbol             TEXT        NOT NULL,
    side               TEXT        NOT NULL,
    quantity           NUMERIC     NOT NULL,
    type               TEXT        NOT NULL,
    limit_price        NUMERIC,
    stop_price         NUMERIC,
    trail_amount       NUMERIC,
    trail_percent      NUMERIC,
    time_in_force      TEXT        NOT NULL,
    estimated_price    NUMERIC,
    replaces_order_id  UUID,
    status             TEXT        NOT NULL,
    filled_quantity    NUMERIC     NOT NULL DEFAULT 0,
    average_fill_price NUMERIC,
    reject_code        TEXT,
    reason             TEXT,
    placed_at          TIMESTAMPTZ NOT NULL,
    accepted_at        TIMESTAMPTZ,
    filled_at          TIMESTAMPTZ,
    canceled_at        TIMESTAMPTZ,
    expired_at         TIMESTAMPTZ,
    rejected_at        TIMESTAMPTZ,
    replaced_at        TIMESTAMPTZ,
    replaced_by        UUID,
    version            BIGINT      NOT NULL
);

CREATE INDEX orders_by_owner ON orders (user_id, placed_at DESC, order_id);
CREATE INDEX orders_by_account ON orders (account_id, placed_at DESC, order_id);

CREATE TABLE order_fills (
    fill_id    TEXT        NOT NULL,
    order_id   UUID        NOT NULL,
    quantity   NUMERIC     NOT NULL,
    price      NUMERIC     NOT NULL,
    commission NUMERIC     NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (order_id, fill_id)
);
