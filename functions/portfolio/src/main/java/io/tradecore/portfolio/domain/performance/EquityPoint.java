package io.tradecore.portfolio.domain.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The value of an account or portfolio at {@code at}, and its net external flows (deposits minus withdrawals)
 * up to and including {@code at}. A flow between two points is the difference of their {@code netFlows}.
 */
public record EquityPoint(Instant at, BigDecimal equity, BigDecimal netFlows) {

    public EquityPoint {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(netFlows, "netFlows");
    }
}
