package io.tradecore.order.placement;

/** What the order domain reads of {@code getAccountById}'s answer. */
public record TradingAccount(String accountId, String userId, String broker, String status) {

    public boolean isOpen() {
        return "open".equals(status);
    }
}
