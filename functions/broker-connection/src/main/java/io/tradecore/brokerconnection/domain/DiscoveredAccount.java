package io.tradecore.brokerconnection.domain;

import io.tradecore.kernel.domain.Texts;

/** An account the broker reported for the login: its reference at the broker and its currency. */
public record DiscoveredAccount(String accountRef, String currency) {

    public DiscoveredAccount {
        Texts.required(accountRef, "accountRef");
        currency = currency == null || currency.isBlank() ? "USD" : currency;
    }
}
