package io.tradecore.order.domain;

import io.tradecore.kernel.domain.Texts;
import java.time.Instant;
import java.util.Locale;

/**
 * What can be asked of an order: by its owner (place, cancel, replace) or by the order domain's policies on what
 * the account and the broker report. {@code at} is the function's clock reading, never taken in here.
 */
public sealed interface OrderCommand {

    OrderId orderId();

    Instant at();

    /** {@code estimatedPrice} may be null (no last price yet); {@code replacesOrderId} only for a replacement. */
    record PlaceOrder(OrderId orderId, AccountId accountId, UserId userId, String broker, ClientOrderId clientOrderId,
                      Symbol symbol, Side side, OrderTerms terms, Price estimatedPrice, OrderId replacesOrderId,
                      Instant at) implements OrderCommand {
        public PlaceOrder {
            Texts.present(orderId, "orderId");
            Texts.present(accountId, "accountId");
            Texts.present(userId, "userId");
            Texts.bounded(broker, "broker", 1, 40);
            Texts.present(clientOrderId, "clientOrderId");
            Texts.present(symbol, "symbol");
            Texts.present(side, "side");
            Texts.present(terms, "terms");
            Texts.present(at, "at");
        }
    }

    record AcceptOrder(OrderId orderId, Instant at) implements OrderCommand {
    }

    /** Refused by the account (buying power) or the broker; {@code code} is theirs, passed on. */
    record RejectOrder(OrderId orderId, String code, String reason, Instant at) implements OrderCommand {
    }

    record RequestCancel(OrderId orderId, Instant at) implements OrderCommand {
    }

    record RequestReplace(OrderId orderId, OrderId newOrderId, TermChanges changes, Instant at) implements OrderCommand {
    }

    record RecordFill(OrderId orderId, FillId fillId, Quantity quantity, Price price, Money commission, Instant at)
            implements OrderCommand {
    }

    /** The broker canceled the rest of the order ({@code requested}, {@code ioc}, {@code fok}). */
    record RecordCancel(OrderId orderId, String reason, Instant at) implements OrderCommand {
    }

    record RecordExpiry(OrderId orderId, Instant at) implements OrderCommand {
    }

    /** The broker replaced the order by {@code newOrderId}, as asked by an earlier replace request. */
    record RecordReplacement(OrderId orderId, OrderId newOrderId, Instant at) implements OrderCommand {
    }

    /**
     * A broker order a history sync brought in, in TradeCore's scales (quantities 6 decimals, prices 4).
     * {@code orderId} is {@link OrderId#imported}; a second import of the same broker order records only what changed.
     */
    record ImportOrder(OrderId orderId, AccountId accountId, UserId userId, String brokerOrderId, String clientOrderId,
                       Symbol symbol, Side side, Quantity quantity, String type, Price limitPrice, Price stopPrice,
                       String timeInForce, BrokerProgress progress, Instant submittedAt, Instant at)
            implements OrderCommand {
        public ImportOrder {
            Texts.present(orderId, "orderId");
            Texts.present(accountId, "accountId");
            Texts.present(userId, "userId");
            Texts.required(brokerOrderId, "brokerOrderId");
            Texts.present(symbol, "symbol");
            Texts.present(side, "side");
            Texts.present(quantity, "quantity");
            Texts.present(progress, "progress");
            Texts.present(submittedAt, "submittedAt");
            Texts.present(at, "at");
            type = type == null ? null : type.toLowerCase(Locale.ROOT);
            timeInForce = timeInForce == null ? null : timeInForce.toLowerCase(Locale.ROOT);
        }
    }

    /** The broker's later state of an imported order, as a sync saw it change. */
    record UpdateImportedOrder(OrderId orderId, BrokerProgress progress, Instant at) implements OrderCommand {
        public UpdateImportedOrder {
            Texts.present(orderId, "orderId");
            Texts.present(progress, "progress");
            Texts.present(at, "at");
        }
    }
}
