package io.tradecore.kernel.eventstore;

import io.tradecore.kernel.domain.EventType;
import io.tradecore.kernel.domain.EventTypes;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns events into stored JSON and back, for every module at once. Decoding is the one place where old payload
 * shapes are upcast to the current one, and every read path (aggregate loads, Kafka deliveries, gap fills and
 * replays) decodes here.
 */
public final class EventCodec {

    private static final int SEEN_TYPES_LIMIT = 4096;

    private record Registered(Class<?> type, EventType current, String domain) {
        int currentVersion() {
            return current.schemaVersion();
        }
    }

    private final JsonMapper json;
    /** Reads other domains' events: fields a consumer's view does not declare are ignored. */
    private final ObjectReader tolerant;
    private final Map<Class<?>, EventType> typeByClass = new HashMap<>();
    private final Map<String, Registered> byName = new HashMap<>();
    private final Map<String, Upcaster> upcasters = new HashMap<>();
    private final Map<String, EventType> seenTypes = new ConcurrentHashMap<>();

    public EventCodec(JsonMapper json, List<EventTypes<?>> registries, List<Upcaster> upcasters) {
        this.json = json;
        this.tolerant = json.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (EventTypes<?> registry : registries) {
            for (Class<?> type : registry.classes()) {
                EventType name = registry.typeOfClass(type);
                typeByClass.put(type, name);
                if (byName.put(name.name(), new Registered(type, name, registry.domain())) != null) {
                    throw new IllegalStateException("event type name registered by two modules: " + name.name());
                }
            }
        }
        for (Upcaster upcaster : upcasters) {
            String key = upcaster.eventType() + "@" + upcaster.fromVersion();
            if (this.upcasters.put(key, upcaster) != null) {
                throw new IllegalStateException("two upcasters for " + key);
            }
        }
    }

    public EventType typeOf(Object event) {
        EventType type = typeByClass.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("event class has no stored name: " + event.getClass().getName());
        }
        return type;
    }

    /** The stored type names whose current class is a {@code type}: the events a replay for a reader of it reads. */
    public java.util.Set<String> typeNamesOf(Class<?> type) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        byName.forEach((name, registered) -> {
            if (type.isAssignableFrom(registered.type())) {
                names.add(name);
            }
        });
        return names;
    }

    public String payloadJson(Object event) {
        return json.writeValueAsString(event);
    }

    public EventEnvelope<Object> decode(StoredEvent stored) {
        return envelope(stored, decodePayload(stored.eventType(), stored.schemaVersion(), json.readTree(stored.payloadJson())));
    }

    /** The Kafka record value for a stored event: its envelope as JSON, the payload embedded as stored. */
    public byte[] toMessage(StoredEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + event.payloadJson().length());
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringProperty("eventId", event.eventId().toString());
            generator.writeStringProperty("streamId", event.streamId());
            generator.writeStringProperty("streamType", event.streamType());
            generator.writeNumberProperty("version", event.version());
            generator.writeNumberProperty("position", event.position());
            generator.writeStringProperty("type", event.eventType());
            generator.writeNumberProperty("schemaVersion", event.schemaVersion());
            generator.writeStringProperty("occurredAt", event.occurredAt().toString());
            writeOptional(generator, "correlationId", event.metadata().correlationId());
            writeOptional(generator, "causationId", event.metadata().causationId());
            writeOptional(generator, "userId", event.metadata().userId());
            generator.writeName("payload");
            generator.writeRawValue(event.payloadJson());
            generator.writeEndObject();
        }
        return out.toByteArray();
    }

    /** Reads a Kafka record value written by {@link #toMessage}, upcasting the payload. */
    public EventEnvelope<Object> fromMessage(byte[] value) {
        Message message = readMessage(value, type -> false);
        return envelope(message.stored(), decodePayload(message.stored().eventType(), message.stored().schemaVersion(),
                message.payload()));
    }

    /**
     * Reads a Kafka record value through a consumer's own view of another domain's events: the payload becomes the
     * view's record; an event the view does not name decodes as usual when its module is on the classpath (a
     * consumer's own events), else it becomes {@link ForeignEvents.Unread}.
     */
    public EventEnvelope<Object> fromMessage(byte[] value, ForeignEvents<?> view) {
        return fromMessage(value, view, Object.class);
    }

    /**
     * Reads a Kafka record value for a consumer that takes only events of type {@code taken} (a policy's or a
     * projection's event type): a payload it would pass over is not bound at all but becomes
     * {@link ForeignEvents.Unread}, which still counts for ordering. With a view ({@code view} may be null), as
     * {@link #fromMessage(byte[], ForeignEvents)}; without one, a type this deployment does not know is an error.
     */
    public EventEnvelope<Object> fromMessage(byte[] value, ForeignEvents<?> view, Class<?> taken) {
        Message message = readMessage(value, type -> passesOver(type, view, taken));
        return envelope(message.stored(), decodeTaken(message.stored(), message.payload(), view, taken));
    }

    /** A stored event read through a consumer's view, as {@link #fromMessage(byte[], ForeignEvents)} does. */
    public EventEnvelope<Object> decode(StoredEvent stored, ForeignEvents<?> view) {
        return decode(stored, view, Object.class);
    }

    /**
     * A stored event read as {@link #fromMessage(byte[], ForeignEvents, Class)} reads its record value: the same
     * payload for the same consumer, whether Kafka delivered it or the store filled a gap. A payload passed over is
     * not parsed.
     */
    public EventEnvelope<Object> decode(StoredEvent stored, ForeignEvents<?> view, Class<?> taken) {
        JsonNode payload = passesOver(stored.eventType(), view, taken) ? null : json.readTree(stored.payloadJson());
        return envelope(stored, decodeTaken(stored, payload, view, taken));
    }

    private Decoded decodeTaken(StoredEvent stored, JsonNode payload, ForeignEvents<?> view, Class<?> taken) {
        Class<?> local = view == null ? null : view.classOf(stored.eventType());
        if (local != null) {
            return new Decoded(typeOf(stored), tolerant.forType(local).readValue(payload));
        }
        if (passesOver(stored.eventType(), view, taken)) {
            return new Decoded(typeOf(stored), ForeignEvents.Unread.INSTANCE);
        }
        // A module's own events (on a topic it may read beside foreign ones) decode as usual; an unknown type throws.
        return decodePayload(stored.eventType(), stored.schemaVersion(), payload);
    }

    /**
     * Whether a consumer reading through {@code view} (may be null) and taking {@code taken} binds events of this type
     * name, as {@link #fromMessage(byte[], ForeignEvents, Class)} would; an unknown name counts as taken when there is
     * no view (it would be refused, not passed over).
     */
    public boolean takes(String eventType, ForeignEvents<?> view, Class<?> taken) {
        return !passesOver(eventType, view, taken);
    }

    /** Not taken, or another domain's event the view does not name: passed over unread. */
    private boolean passesOver(String eventType, ForeignEvents<?> view, Class<?> taken) {
        if (view != null && view.classOf(eventType) != null) {
            return false;
        }
        Registered registered = byName.get(eventType);
        return registered != null ? !taken.isAssignableFrom(registered.type()) : view != null;
    }

    /** A record value's envelope, and its payload unless the reader passes it over (then null). */
    private record Message(StoredEvent stored, JsonNode payload) {
    }

    /**
     * Reads a record value in one pass over its tokens, in whatever order its fields come. The payload is read into
     * a tree only when it is needed: one that {@code passOver} refuses by the event's type (named before the payload,
     * as {@link #toMessage} writes it) is skipped unparsed; most of a topic's records are not for a given consumer.
     */
    private Message readMessage(byte[] value, Predicate<String> passOver) {
        UUID eventId = null;
        UUID correlationId = null;
        UUID causationId = null;
        String streamId = null;
        String streamType = null;
        String type = null;
        String userId = null;
        String occurredAt = null;
        long version = 0;
        long position = 0;
        int schemaVersion = 0;
        JsonNode payload = null;
        boolean passedOver = false;
        try (JsonParser parser = json.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("a record value that is not an event envelope");
            }
            for (String field = parser.nextName(); field != null; field = parser.nextName()) {
                JsonToken token = parser.nextToken();
                boolean present = token != JsonToken.VALUE_NULL;
                switch (field) {
                    case "eventId" -> eventId = UUID.fromString(parser.getString());
                    case "streamId" -> streamId = parser.getString();
                    case "streamType" -> streamType = parser.getString();
                    case "version" -> version = parser.getLongValue();
                    case "position" -> position = parser.getLongValue();
                    case "type" -> type = parser.getString();
                    case "schemaVersion" -> schemaVersion = parser.getIntValue();
                    case "occurredAt" -> occurredAt = parser.getString();
                    case "correlationId" -> correlationId = present ? UUID.fromString(parser.getString()) : null;
                    case "causationId" -> causationId = present ? UUID.fromString(parser.getString()) : null;
                    case "userId" -> userId = present ? parser.getString() : null;
                    case "payload" -> {
                        if (type != null && passOver.test(type)) {
                            parser.skipChildren();
                            passedOver = true;
                        } else {
                            payload = parser.readValueAsTree();
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        }
        if (eventId == null || streamId == null || type == null || occurredAt == null || (payload == null && !passedOver)) {
            throw new IllegalArgumentException("an event envelope without its eventId, streamId, type, occurredAt or payload");
        }
        StoredEvent stored = new StoredEvent(eventId, streamId, streamType, version, position, type, schemaVersion,
                Instant.parse(occurredAt), new EventMetadata(correlationId, causationId, userId), null);
        return new Message(stored, payload);
    }

    /** Where a Kafka record points in the store, read without decoding its payload. */
    public record Reference(String streamId, long version, long position, String eventType) {
    }

    /** The reference of a record that may not decode; null when it is not an envelope at all. */
    public Reference referenceOf(byte[] value) {
        try {
            JsonNode node = json.readTree(value);
            return new Reference(node.get("streamId").asString(), node.get("version").asLong(),
                    node.get("position").asLong(), node.get("type").asString());
        } catch (RuntimeException notAnEnvelope) {
            return null;
        }
    }

    private EventEnvelope<Object> envelope(StoredEvent stored, Decoded decoded) {
        return new EventEnvelope<>(stored.eventId(), stored.streamId(), stored.streamType(), stored.version(),
                stored.position(), decoded.type(), stored.occurredAt(), stored.metadata(), decoded.payload());
    }

    private record Decoded(EventType type, Object payload) {
    }

    /**
     * The type of a stored event read through a view or passed over: the same few names again and again, so the name
     * is checked once, not per event (a bounded memo: names come from other domains' records).
     */
    private EventType typeOf(StoredEvent stored) {
        EventType known = seenTypes.get(stored.eventType());
        if (known != null && known.schemaVersion() == stored.schemaVersion()) {
            return known;
        }
        EventType type = new EventType(stored.eventType(), stored.schemaVersion());
        if (seenTypes.size() < SEEN_TYPES_LIMIT) {
            seenTypes.put(type.name(), type);
        }
        return type;
    }

    private Decoded decodePayload(String name, int storedVersion, JsonNode payload) {
        Registered registered = byName.get(name);
        if (registered == null) {
            throw new IllegalStateException("unknown event type '" + name + "': is its module on the classpath?");
        }
        JsonNode current = payload;
        for (int version = storedVersion; version < registered.currentVersion(); version++) {
            Upcaster upcaster = upcasters.get(name + "@" + version);
            if (upcaster == null) {
                throw new IllegalStateException("no upcaster for " + name + " from schema version " + version);
            }
            current = upcaster.upcast().apply(((ObjectNode) current).deepCopy());
        }
        return new Decoded(registered.current(), json.treeToValue(current, registered.type()));
    }

    private static void writeOptional(JsonGenerator generator, String name, Object value) {
        if (value != null) {
            generator.writeStringProperty(name, value.toString());
        }
    }
}
