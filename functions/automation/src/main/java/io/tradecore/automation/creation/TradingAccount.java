package io.tradecore.automation.creation;

/** What automation reads of {@code getAccountById}'s answer. */
public record TradingAccount(String accountId, String userId, String status) {
}
