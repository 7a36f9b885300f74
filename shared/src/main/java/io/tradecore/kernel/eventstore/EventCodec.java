package io.tradecore.kernel.eventstore;

import io.tradecore.kernel.domain.EventType;
import io.tradecore.kernel.domain.EventTypes;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;
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
        JsonNode node = json.readTree(value);
        StoredEvent stored = storedOf(node);
        return envelope(stored, decodePayload(stored.eventType(), stored.schemaVersion(), node.get("payload")));
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
        JsonNode node = json.readTree(value);
        StoredEvent stored = storedOf(node);
        return envelope(stored, decodeTaken(stored, node.get("payload"), view, taken));
    }

    /** A stored event read through a consumer's view, as {@link #fromMessage(byte[], ForeignEvents)} does. */
    public EventEnvelope<Object> decode(StoredEvent stored, ForeignEvents<?> view) {
        return envelope(stored, decodeTaken(stored, json.readTree(stored.payloadJson()), view, Object.class));
    }

    private Decoded decodeTaken(StoredEvent stored, JsonNode payload, ForeignEvents<?> view, Class<?> taken) {
        Class<?> local = view == null ? null : view.classOf(stored.eventType());
        if (local != null) {
            return new Decoded(new EventType(stored.eventType(), stored.schemaVersion()),
                    tolerant.forType(local).readValue(payload));
        }
        Registered registered = byName.get(stored.eventType());
        if (registered != null ? !taken.isAssignableFrom(registered.type()) : view != null) {
            // Not taken, or another domain's event the view does not name: passed over unread.
            return new Decoded(new EventType(stored.eventType(), stored.schemaVersion()), ForeignEvents.Unread.INSTANCE);
        }
        // A module's own events (on a topic it may read beside foreign ones) decode as usual; an unknown type throws.
        return decodePayload(stored.eventType(), stored.schemaVersion(), payload);
    }

    private StoredEvent storedOf(JsonNode node) {
        return new StoredEvent(
                UUID.fromString(node.get("eventId").asString()),
                node.get("streamId").asString(),
                node.get("streamType").asString(),
                node.get("version").asLong(),
                node.get("position").asLong(),
                node.get("type").asString(),
                node.get("schemaVersion").asInt(),
                Instant.parse(node.get("occurredAt").asString()),
                new EventMetadata(uuid(node, "correlationId"), uuid(node, "causationId"), text(node, "userId")),
                null);
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

    private static UUID uuid(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : UUID.fromString(text);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
