package io.tradecore.kernel.eventstore;

import java.util.function.UnaryOperator;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the stored payload of {@code eventType} at {@code fromVersion} into the shape of {@code fromVersion + 1}.
 * Declared as a bean by the module that owns the event; the kernel chains them on every read path
 * (aggregate loads, projector deliveries, gap fills and replays), so old shapes never reach domain code.
 */
public record Upcaster(String eventType, int fromVersion, UnaryOperator<ObjectNode> upcast) {
}
