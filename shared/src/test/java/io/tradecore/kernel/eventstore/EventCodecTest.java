package io.tradecore.kernel.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.kernel.domain.EventTypes;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.json.SingleValueModule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventCodecTest {

    record Sku(String value) implements SingleValue {
        Sku {
            if (value == null || value.isBlank()) {
                throw Rejection.invalid("sku", "sku is required");
            }
        }
    }

    sealed interface ShopEvent permits ItemAdded, ItemRemoved {
    }

    /** Version 2: "qty" was renamed to "quantity". */
    record ItemAdded(Sku sku, int quantity) implements ShopEvent {
    }

    record ItemRemoved(Sku sku) implements ShopEvent {
    }

    private final JsonMapper json = JsonMapper.builder().addModule(new SingleValueModule()).build();
    private final EventTypes<ShopEvent> types = EventTypes.of("shop", ShopEvent.class)
            .add(ItemAdded.class, "shop.item-added", 2)
            .add(ItemRemoved.class, "shop.item-removed", 1)
            .build();
    private final Upcaster renameQty = new Upcaster("shop.item-added", 1, payload -> {
        payload.set("quantity", payload.remove("qty"));
        return payload;
    });
    private final EventCodec codec = new EventCodec(json, List.of(types), List.of(renameQty));

    @Test
    void value_objects_are_stored_as_bare_values_and_validated_when_read() {
        assertThat(codec.payloadJson(new ItemAdded(new Sku("A-1"), 2))).isEqualTo("{\"sku\":\"A-1\",\"quantity\":2}");
        assertThatThrownBy(() -> codec.decode(stored("shop.item-removed", 1, "{\"sku\":\" \"}")))
                .hasRootCauseInstanceOf(Rejection.class);
    }

    @Test
    void an_old_shape_is_upcast_when_read_from_the_store() {
        var event = codec.decode(stored("shop.item-added", 1, "{\"sku\":\"A-1\",\"qty\":3}"));
        assertThat(event.payload()).isEqualTo(new ItemAdded(new Sku("A-1"), 3));
        assertThat(event.type().schemaVersion()).isEqualTo(2);
    }

    @Test
    void an_old_shape_is_upcast_when_read_from_kafka_too() {
        byte[] message = codec.toMessage(stored("shop.item-added", 1, "{\"sku\":\"A-1\",\"qty\":3}"));
        var event = codec.fromMessage(message);
        assertThat(event.payload()).isEqualTo(new ItemAdded(new Sku("A-1"), 3));
        assertThat(event.streamId()).isEqualTo("cart-1");
        assertThat(event.version()).isEqualTo(4);
        assertThat(event.metadata().userId()).isEqualTo("user-9");
    }

    @Test
    void an_unknown_type_or_a_missing_upcaster_is_an_error_not_a_silent_skip() {
        assertThatThrownBy(() -> codec.decode(stored("shop.unknown", 1, "{}"))).hasMessageContaining("unknown event type");
        EventCodec withoutUpcaster = new EventCodec(json, List.of(types), List.of());
        assertThatThrownBy(() -> withoutUpcaster.decode(stored("shop.item-added", 1, "{\"sku\":\"A\",\"qty\":1}")))
                .hasMessageContaining("no upcaster");
    }

    @Test
    void a_registry_must_name_every_event_of_the_sealed_interface() {
        assertThatThrownBy(() -> EventTypes.of("shop", ShopEvent.class).add(ItemAdded.class, "shop.item-added", 1).build())
                .hasMessageContaining("ItemRemoved");
        assertThatThrownBy(() -> EventTypes.of("shop", ShopEvent.class)
                .add(ItemAdded.class, "shop.same", 1).add(ItemRemoved.class, "shop.same", 1).build())
                .hasMessageContaining("used twice");
    }

    /** Another domain's view of the shop's events: only what it reads, under the shop's type names. */
    sealed interface Restocking permits SkuTaken {
    }

    record SkuTaken(String sku) implements Restocking {
    }

    private final ForeignEvents<Restocking> restocking = ForeignEvents.of(Restocking.class)
            .on("shop.item-removed", SkuTaken.class).build();

    @Test
    void a_foreign_view_reads_only_the_fields_it_declares_and_passes_over_types_it_does_not_name() {
        EventCodec withoutShop = new EventCodec(json, List.of(), List.of()); // the shop's module is not deployed here
        byte[] removed = codec.toMessage(stored("shop.item-removed", 1, "{\"sku\":\"A-1\",\"extra\":true}"));
        byte[] added = codec.toMessage(stored("shop.item-added", 2, "{\"sku\":\"A-1\",\"quantity\":1}"));

        assertThat(withoutShop.fromMessage(removed, restocking).payload()).isEqualTo(new SkuTaken("A-1"));
        var passedOver = withoutShop.fromMessage(added, restocking);
        assertThat(passedOver.payload()).isEqualTo(ForeignEvents.Unread.INSTANCE);
        assertThat(passedOver.version()).isEqualTo(4); // still an event of the stream, for ordering
    }

    @Test
    void a_view_still_decodes_the_modules_own_events_as_usual() {
        byte[] added = codec.toMessage(stored("shop.item-added", 1, "{\"sku\":\"A-1\",\"qty\":3}"));
        assertThat(codec.fromMessage(added, restocking).payload()).isEqualTo(new ItemAdded(new Sku("A-1"), 3));
        assertThat(codec.decode(stored("shop.item-removed", 1, "{\"sku\":\"B\"}"), restocking).payload())
                .isEqualTo(new SkuTaken("B"));
    }

    @Test
    void a_consumer_binds_only_the_events_it_takes_and_passes_over_the_rest_unread() {
        byte[] removed = codec.toMessage(stored("shop.item-removed", 1, "{\"sku\":\"A-1\"}"));
        // Not bound at all: its blank sku would be refused if it were.
        byte[] added = codec.toMessage(stored("shop.item-added", 2, "{\"sku\":\" \",\"quantity\":1}"));

        assertThat(codec.fromMessage(removed, null, ItemRemoved.class).payload()).isEqualTo(new ItemRemoved(new Sku("A-1")));
        var passedOver = codec.fromMessage(added, null, ItemRemoved.class);
        assertThat(passedOver.payload()).isEqualTo(ForeignEvents.Unread.INSTANCE);
        assertThat(passedOver.version()).isEqualTo(4);
        assertThat(codec.fromMessage(added, restocking, Restocking.class).payload()).isEqualTo(ForeignEvents.Unread.INSTANCE);
        assertThatThrownBy(() -> codec.fromMessage(added, null, ShopEvent.class)).hasRootCauseInstanceOf(Rejection.class);
    }

    @Test
    void a_stored_event_reads_for_a_consumer_as_its_kafka_record_does() {
        // Not bound at all: its blank sku would be refused if it were.
        StoredEvent added = stored("shop.item-added", 1, "{\"sku\":\" \",\"qty\":1}");
        StoredEvent removed = stored("shop.item-removed", 1, "{\"sku\":\"A-1\"}");

        assertThat(codec.decode(added, null, ItemRemoved.class).payload()).isEqualTo(ForeignEvents.Unread.INSTANCE);
        assertThat(codec.decode(added, null, ItemRemoved.class).version()).isEqualTo(4);
        assertThat(codec.decode(removed, null, ItemRemoved.class).payload()).isEqualTo(new ItemRemoved(new Sku("A-1")));
        assertThat(codec.decode(added, restocking, Restocking.class).payload()).isEqualTo(ForeignEvents.Unread.INSTANCE);
        assertThatThrownBy(() -> codec.decode(added, null, ShopEvent.class)).hasRootCauseInstanceOf(Rejection.class);
    }

    @Test
    void a_consumer_without_a_view_still_refuses_a_type_this_deployment_does_not_know() {
        byte[] unknown = codec.toMessage(stored("shop.item-renamed", 1, "{\"sku\":\"A-1\"}"));

        assertThatThrownBy(() -> codec.fromMessage(unknown, null, ItemRemoved.class))
                .hasMessageContaining("unknown event type 'shop.item-renamed'");
        assertThat(codec.fromMessage(unknown, restocking, Restocking.class).payload())
                .isEqualTo(ForeignEvents.Unread.INSTANCE);
    }

    @Test
    void an_envelope_reads_the_same_whatever_the_order_of_its_fields() {
        String envelope = """
                {"payload":{"sku":"A-1","qty":3},"type":"shop.item-added","schemaVersion":1,"correlationId":null,
                 "occurredAt":"2026-01-02T03:04:05Z","version":4,"position":17,"streamType":"shop","streamId":"cart-1",
                 "extra":{"ignored":[1,2]},"eventId":"0190a000-0000-7000-8000-000000000001"}""";
        byte[] value = envelope.getBytes(java.nio.charset.StandardCharsets.UTF_8);

        var event = codec.fromMessage(value);
        assertThat(event.payload()).isEqualTo(new ItemAdded(new Sku("A-1"), 3));
        assertThat(event.eventId()).isEqualTo(UUID.fromString("0190a000-0000-7000-8000-000000000001"));
        assertThat(event.position()).isEqualTo(17);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(event.metadata().correlationId()).isNull();
        assertThat(event.metadata().userId()).isNull();
        // The payload came before the type: read, then found not taken.
        assertThat(codec.fromMessage(value, null, ItemRemoved.class).payload()).isEqualTo(ForeignEvents.Unread.INSTANCE);
    }

    @Test
    void an_envelope_without_its_payload_or_type_is_refused() {
        byte[] noPayload = """
                {"eventId":"0190a000-0000-7000-8000-000000000001","streamId":"cart-1","version":1,"position":1,
                 "type":"shop.item-removed","schemaVersion":1,"occurredAt":"2026-01-02T03:04:05Z"}"""
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] noType = """
                {"eventId":"0190a000-0000-7000-8000-000000000001","streamId":"cart-1","version":1,"position":1,
                 "schemaVersion":1,"occurredAt":"2026-01-02T03:04:05Z","payload":{"sku":"A-1"}}"""
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.fromMessage(noPayload, null, ItemRemoved.class)).hasMessageContaining("payload");
        assertThatThrownBy(() -> codec.fromMessage(noType)).hasMessageContaining("type");
        assertThatThrownBy(() -> codec.fromMessage("[1]".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .hasMessageContaining("not an event envelope");
    }

    @Test
    void a_view_must_name_every_record_of_its_sealed_interface() {
        assertThatThrownBy(() -> ForeignEvents.of(Restocking.class).build()).hasMessageContaining("SkuTaken");
    }

    private static StoredEvent stored(String type, int version, String payload) {
        return new StoredEvent(UUID.randomUUID(), "cart-1", "shop", 4, 17, type, version, Instant.parse("2026-01-02T03:04:05Z"),
                new EventMetadata(UUID.randomUUID(), UUID.randomUUID(), "user-9"), payload);
    }
}
