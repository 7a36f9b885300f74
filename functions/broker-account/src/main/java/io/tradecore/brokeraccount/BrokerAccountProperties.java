package io.tradecore.brokeraccount;

import io.tradecore.brokeraccount.domain.Money;
import io.tradecore.brokeraccount.domain.ReservationRules;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tradecore.broker-account.*}: how much cash an order reserves beyond its value at the reference price
 * ({@code market-buffer}, 0.02 = 2 %) and the commission each order is expected to cost
 * ({@code estimated-commission}; the paper broker's default charges none).
 */
@ConfigurationProperties("tradecore.broker-account")
public record BrokerAccountProperties(@DefaultValue("0.02") BigDecimal marketBuffer,
                                      @DefaultValue("0.00") BigDecimal estimatedCommission) {

    public ReservationRules reservationRules() {
        return new ReservationRules(marketBuffer, new Money(estimatedCommission));
    }
}
