package io.tradecore.kernel.function;

/**
 * What a command answers when it started work that goes on after the answer (a read-model rebuild): the gateway
 * answers 202 with this body and {@code Location} naming where the work's progress is read.
 */
public record Accepted(String id, String kind, String subject, String location) {
}
