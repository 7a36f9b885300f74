-- Orders a history sync brings in from a connected broker (order.imported): they carry the broker's order id, and
-- the broker may not report what a placement always has (which broker is the account's, not the order's; a client
-- order id, a type or a time in force TradeCore cannot name), so those columns accept NULL for them.
ALTER TABLE orders ADD COLUMN broker_order_id TEXT;
ALTER TABLE orders ALTER COLUMN broker DROP NOT NULL;
ALTER TABLE orders ALTER COLUMN client_order_id DROP NOT NULL;
ALTER TABLE orders ALTER COLUMN type DROP NOT NULL;
ALTER TABLE orders ALTER COLUMN time_in_force DROP NOT NULL;
