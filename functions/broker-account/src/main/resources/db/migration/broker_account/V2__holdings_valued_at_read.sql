-- Ticks no longer write into every holding of their symbol (a many-row update that deadlocked with fill
-- settlement); queries value a holding at account_prices, and at last_price only before the symbol's first tick.
COMMENT ON COLUMN account_holdings.last_price IS
    'price when the holding was opened; account_prices has the current price once the symbol has ticked';
