package io.tradecore.position.api;

import java.util.List;

/** Open positions, by account and symbol. */
public record PositionList(List<PositionView> items) {
}
