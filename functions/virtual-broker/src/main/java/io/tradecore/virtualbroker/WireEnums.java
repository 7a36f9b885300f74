package io.tradecore.virtualbroker;

import io.tradecore.virtualbroker.domain.CancelReason;
import io.tradecore.virtualbroker.domain.OrderState;
import io.tradecore.virtualbroker.domain.OrderType;
import io.tradecore.virtualbroker.domain.Side;
import io.tradecore.virtualbroker.domain.TimeInForce;
import io.tradecore.virtualbroker.domain.Wire;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Writes and reads this module's enums under their lower-case wire names ({@code stop_limit}), as TRADING.md spells
 * them, in events and snapshots alike, without annotations in the domain. Registered for these types only, so other
 * modules' JSON is untouched.
 */
final class WireEnums extends SimpleModule {

    WireEnums() {
        super("virtual-broker-wire-enums");
        register(Side.class, "side");
        register(OrderType.class, "type");
        register(TimeInForce.class, "timeInForce");
        register(CancelReason.class, "reason");
        register(OrderState.Phase.class, "phase");
    }

    private <E extends Enum<E>> void register(Class<E> type, String field) {
        addSerializer(type, new ValueSerializer<E>() {
            @Override
            public void serialize(E value, JsonGenerator generator, SerializationContext context) {
                generator.writeString(Wire.name(value));
            }
        });
        addDeserializer(type, new ValueDeserializer<E>() {
            @Override
            public E deserialize(JsonParser parser, DeserializationContext context) {
                return Wire.parse(type, parser.getValueAsString(), field);
            }
        });
    }
}
