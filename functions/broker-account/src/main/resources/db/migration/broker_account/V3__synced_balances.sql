-- A connected account's balances as its broker last reported them to a history sync (account.balance-synced);
-- NULL until the first sync, and always for a paper account, whose balances are its own ledger.
ALTER TABLE accounts ADD COLUMN synced_cash         NUMERIC(20,2);
ALTER TABLE accounts ADD COLUMN synced_buying_power NUMERIC(20,2);
ALTER TABLE accounts ADD COLUMN synced_equity       NUMERIC(20,2);
ALTER TABLE accounts ADD COLUMN balance_synced_at   TIMESTAMPTZ;
