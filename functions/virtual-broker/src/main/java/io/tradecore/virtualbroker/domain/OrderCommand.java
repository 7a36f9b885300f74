package io.tradecore.virtualbroker.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.Texts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What can be asked of an order at the broker. {@code at} and fill ids come from the function (its clock, its id
 * generator), never from the decider.
 */
public sealed interface OrderCommand {

    OrderId orderId();

    /**
     * Take an approved order. {@code lastPrice} and {@code lastSequence} (both or neither) are the symbol's last tick,
     * so a marketable order fills at once; {@code expiresAt} is set for day orders.
     */
    record ReceiveOrder(OrderTerms terms, BigDecimal lastPrice, Long lastSequence, Instant expiresAt, UUID fillId,
                        Instant at) implements OrderCommand {
        public ReceiveOrder {
            Texts.present(terms, "terms");
            Texts.present(fillId, "fillId");
            Texts.present(at, "at");
            if ((lastPrice == null) != (lastSequence == null)) {
                throw Rejection.invalid("lastPrice", "a last price comes with its tick sequence");
            }
        }

        @Override
        public OrderId orderId() {
            return terms.orderId();
        }
    }

    /** Refuse an order the broker cannot take (unknown symbol, terms it cannot read). */
    record RejectOrder(OrderId orderId, UUID accountId, String userId, String code, String reason, Instant at)
            implements OrderCommand {
        public RejectOrder {
            Texts.present(orderId, "orderId");
            Texts.present(at, "at");
        }
    }

    /** Look at the order in the light of the symbol's tick number {@code sequence}. */
    record MatchTick(OrderId orderId, BigDecimal price, long sequence, UUID fillId, Instant at) implements OrderCommand {
        public MatchTick {
            Texts.present(orderId, "orderId");
            Prices.positive(price, "price", Prices.PRICE_SCALE);
            Texts.present(fillId, "fillId");
            Texts.present(at, "at");
        }
    }

    record CancelOrder(OrderId orderId, UUID accountId, String userId, Instant at) implements OrderCommand {
        public CancelOrder {
            Texts.present(orderId, "orderId");
            Texts.present(at, "at");
        }
    }

    /** Cancel the rest of the order because {@code newOrderId} takes its place. */
    record ReplaceOrder(OrderId orderId, UUID accountId, String userId, UUID newOrderId, Instant at)
            implements OrderCommand {
        public ReplaceOrder {
            Texts.present(orderId, "orderId");
            Texts.present(newOrderId, "newOrderId");
            Texts.present(at, "at");
        }
    }

    /** End a day order whose session has closed by {@code at}. */
    record ExpireOrder(OrderId orderId, Instant at) implements OrderCommand {
        public ExpireOrder {
            Texts.present(orderId, "orderId");
            Texts.present(at, "at");
        }
    }
}
