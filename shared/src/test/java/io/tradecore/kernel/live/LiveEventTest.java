package io.tradecore.kernel.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LiveEventTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode envelope(String actingUser, String payload) {
        return JSON.readTree("""
                {"eventId":"0197a000-0000-7000-8000-000000000001","streamId":"order-42","streamType":"order",
                 "version":3,"position":77,"type":"order.filled","schemaVersion":1,
                 "occurredAt":"2026-11-30T17:00:00.123Z","correlationId":"0197a000-0000-7000-8000-0000000000c0",
                 "userId":"%s","payload":%s}""".formatted(actingUser, payload));
    }

    @Test
    void an_event_goes_to_the_owner_named_in_its_payload_not_to_whoever_acted() {
        var event = LiveEvent.of(envelope("admin-1", """
                {"orderId":"42","accountId":"a1","userId":"owner-7","quantity":10,"price":101.5}"""), JSON).orElseThrow();

        assertThat(event.userId()).isEqualTo("owner-7");
        assertThat(event.channel()).isEqualTo("wse:user:owner-7");
        JsonNode message = JSON.readTree(event.json());
        assertThat(message.get("eventId").asString()).isEqualTo("0197a000-0000-7000-8000-000000000001");
        assertThat(message.get("type").asString()).isEqualTo("order.filled");
        assertThat(message.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(message.get("stream").asString()).isEqualTo("order-42");
        assertThat(message.get("streamType").asString()).isEqualTo("order");
        assertThat(message.get("version").asLong()).isEqualTo(3);
        assertThat(message.get("position").asLong()).isEqualTo(77);
        assertThat(message.get("at").asString()).isEqualTo("2026-11-30T17:00:00.123Z");
        assertThat(message.get("correlationId").asString()).isEqualTo("0197a000-0000-7000-8000-0000000000c0");
        assertThat(message.get("payload").get("price").decimalValue()).isEqualByComparingTo("101.5");
        assertThat(message.has("userId")).as("the acting user stays out of the message").isFalse();
    }

    @Test
    void an_event_without_an_owner_in_its_payload_is_pushed_to_nobody() {
        assertThat(LiveEvent.of(envelope("admin-1", """
                {"symbol":"AAPL","price":100}"""), JSON)).isEmpty();
        assertThat(LiveEvent.of(envelope("admin-1", """
                {"userId":null}"""), JSON)).isEmpty();
        assertThat(LiveEvent.of(envelope("admin-1", """
                {"userId":{"id":"x"}}"""), JSON)).isEmpty();
    }
}
