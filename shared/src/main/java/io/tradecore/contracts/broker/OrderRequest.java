package io.tradecore.contracts.broker;

import java.math.BigDecimal;

/**
 * An order as a broker is asked to take it. Prices are null where the type does not use them; {@code trailAmount}
 * or {@code trailPercent} (one of them) for trailing stops.
 *
 * @param side        {@code buy} or {@code sell}
 * @param type        {@code market}, {@code limit}, {@code stop}, {@code stop_limit} or {@code trailing_stop}
 * @param timeInForce {@code day}, {@code gtc}, {@code ioc} or {@code fok}
 */
public record OrderRequest(String accountRef, String clientOrderId, String symbol, String side, BigDecimal quantity,
                           String type, BigDecimal limitPrice, BigDecimal stopPrice, BigDecimal trailAmount,
                           BigDecimal trailPercent, String timeInForce) {
}
