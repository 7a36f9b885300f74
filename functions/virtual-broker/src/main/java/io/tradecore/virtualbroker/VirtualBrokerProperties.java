package io.tradecore.virtualbroker;

import io.tradecore.virtualbroker.domain.MatchingRules;
import io.tradecore.virtualbroker.domain.Session;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The paper broker's settings under {@code tradecore.virtual-broker}: market slippage in basis points (5), commission
 * per share and its minimum per fill (0 and 0), the most one order fills per tick (unset: all), the session close and
 * its zone (16:00 America/New_York), and the simulated feed (off).
 */
@ConfigurationProperties("tradecore.virtual-broker")
public record VirtualBrokerProperties(
        @DefaultValue("5") BigDecimal slippageBps,
        @DefaultValue("0") BigDecimal commissionPerShare,
        @DefaultValue("0") BigDecimal commissionMinimum,
        BigDecimal maxFillQuantityPerTick,
        @DefaultValue("16:00") LocalTime sessionClose,
        @DefaultValue("America/New_York") ZoneId sessionZone,
        @DefaultValue SimulatedFeed simulatedFeed) {

    /** {@code interval} between rounds of ticks, the walk's {@code seed} and per-step {@code volatilityBps}. */
    public record SimulatedFeed(@DefaultValue("false") boolean enabled, @DefaultValue("1s") Duration interval,
                                @DefaultValue("42") long seed, @DefaultValue("10") int volatilityBps) {
    }

    public MatchingRules rules() {
        return new MatchingRules(slippageBps, commissionPerShare, commissionMinimum, maxFillQuantityPerTick);
    }

    public Session session() {
        return new Session(sessionClose, sessionZone);
    }
}
