package io.tradecore.position.api;

import java.util.List;

/** One page of closed positions, most recently closed first. */
public record ClosedPositionPage(List<ClosedPositionView> items, int page, int size) {
}
