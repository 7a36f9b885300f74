package io.tradecore.brokeraccount.api;

import java.util.List;

/** The caller's accounts, oldest first. */
public record AccountList(List<AccountView> items) {
}
