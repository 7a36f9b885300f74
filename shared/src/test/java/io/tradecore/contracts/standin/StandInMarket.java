package io.tradecore.contracts.standin;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The accounts and instruments the stand-in query functions answer with; tests add what they need. */
public final class StandInMarket {

    /** The fields TRADING.md says {@code getAccountById} answers (a subset). */
    public record Account(String accountId, String userId, String broker, String status, String currency,
                          BigDecimal cash) {
    }

    /** The fields TRADING.md says {@code getInstrument} answers. */
    public record Instrument(String symbol, String name, BigDecimal lastPrice) {
    }

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, Instrument> instruments = new ConcurrentHashMap<>();

    public void open(String accountId, String userId) {
        accounts.put(accountId, new Account(accountId, userId, "virtual", "open", "USD", new BigDecimal("100000.00")));
    }

    public void close(String accountId) {
        accounts.computeIfPresent(accountId, (id, a) ->
                new Account(id, a.userId(), a.broker(), "closed", a.currency(), a.cash()));
    }

    public void list(String symbol, String lastPrice) {
        instruments.put(symbol, new Instrument(symbol, symbol + " Inc.", lastPrice == null ? null : new BigDecimal(lastPrice)));
    }

    Optional<Account> account(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    Optional<Instrument> instrument(String symbol) {
        return Optional.ofNullable(instruments.get(symbol));
    }
}
