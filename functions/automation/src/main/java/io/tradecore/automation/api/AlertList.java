package io.tradecore.automation.api;

import java.util.List;

/** The caller's alerts, newest first. */
public record AlertList(List<AlertView> items) {
}
