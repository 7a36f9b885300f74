package io.tradecore.kernel.live;

import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public contract of the live feed: what {@code pushLiveEvents} publishes on a user's channel and the gateway
 * forwards, unchanged, as one WebSocket text frame.
 *
 * <pre>{@code
 * {"eventId":"0197…","type":"order.filled","schemaVersion":1,"stream":"order-0197…","streamType":"order",
 *  "version":4,"position":1234,"at":"2026-11-30T17:02:03.123456Z","correlationId":"0197…",
 *  "payload":{"orderId":"0197…","accountId":"0197…","userId":"0197…", …}}
 * }</pre>
 *
 * {@code payload} is the event as stored (its fields per {@code functions/TRADING.md}, in the shape of
 * {@code schemaVersion}); {@code at} is when it occurred. Delivery is at least once: the same {@code eventId} can
 * arrive twice (a redelivered Kafka batch), so clients de-duplicate by it; {@code (stream, version)} orders a stream's
 * events. The owner is the payload's {@code userId}: the envelope's user is whoever acted (an administrator's tick
 * fills other users' orders), so an event without an owner in its payload is not pushed to anyone.
 */
public record LiveEvent(String userId, String json) {

    /** The message for one Kafka record value as the outbox relay wrote it, or empty when it has no owner. */
    public static Optional<LiveEvent> of(JsonNode envelope, JsonMapper mapper) {
        JsonNode payload = envelope.get("payload");
        JsonNode owner = payload == null ? null : payload.get("userId");
        if (owner == null || !owner.isString() || owner.asString().isBlank()) {
            return Optional.empty();
        }
        ObjectNode message = mapper.createObjectNode();
        message.put("eventId", envelope.get("eventId").asString());
        message.put("type", envelope.get("type").asString());
        message.put("schemaVersion", envelope.get("schemaVersion").asInt());
        message.put("stream", envelope.get("streamId").asString());
        message.put("streamType", envelope.get("streamType").asString());
        message.put("version", envelope.get("version").asLong());
        message.put("position", envelope.get("position").asLong());
        message.put("at", envelope.get("occurredAt").asString());
        JsonNode correlation = envelope.get("correlationId");
        if (correlation != null && correlation.isString()) {
            message.put("correlationId", correlation.asString());
        }
        message.set("payload", payload);
        return Optional.of(new LiveEvent(owner.asString(), mapper.writeValueAsString(message)));
    }

    public String channel() {
        return LiveChannels.user(userId);
    }
}
