package io.tradecore.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.kernel.domain.Rejection;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The placement rules an order's terms check by themselves. */
class OrderTermsTest {

    @ParameterizedTest(name = "{0} {1}: limit={2} stop={3} trailAmount={4} trailPercent={5} → {6}")
    @CsvSource(nullValues = "-", textBlock = """
            MARKET,        DAY, -,  -,  -, -, ok
            MARKET,        DAY, 10, -,  -, -, invalid-limitPrice
            LIMIT,         DAY, -,  -,  -, -, invalid-limitPrice
            LIMIT,         IOC, 10, -,  -, -, ok
            LIMIT,         FOK, 10, 9,  -, -, invalid-stopPrice
            STOP,          GTC, -,  9,  -, -, ok
            STOP,          GTC, -,  -,  -, -, invalid-stopPrice
            STOP,          IOC, -,  9,  -, -, invalid-timeInForce
            STOP_LIMIT,    DAY, 10, 9,  -, -, ok
            STOP_LIMIT,    DAY, 10, -,  -, -, invalid-stopPrice
            STOP_LIMIT,    DAY, -,  9,  -, -, invalid-limitPrice
            TRAILING_STOP, DAY, -,  -,  1, -, ok
            TRAILING_STOP, GTC, -,  -,  -, 2, ok
            TRAILING_STOP, DAY, -,  -,  -, -, invalid-trailAmount
            TRAILING_STOP, DAY, -,  -,  1, 2, invalid-trailAmount
            TRAILING_STOP, FOK, -,  -,  1, -, invalid-timeInForce
            LIMIT,         DAY, 10, -,  1, -, invalid-trailAmount
            """)
    void each_order_type_takes_exactly_its_prices(OrderType type, TimeInForce tif, String limit, String stop,
                                                  String trailAmount, String trailPercent, String outcome) throws Throwable {
        Executable terms = () -> new OrderTerms(type, Quantity.of("1"), price(limit), price(stop), price(trailAmount),
                trailPercent == null ? null : new Percent(new BigDecimal(trailPercent)), tif);
        if (outcome.equals("ok")) {
            terms.execute();
        } else {
            assertRefused(terms, outcome);
        }
    }

    @Test
    void quantities_are_positive_with_at_most_six_decimals_and_compare_by_value() {
        assertRefused(() -> Quantity.of("0"), "invalid-quantity");
        assertRefused(() -> Quantity.of("-1"), "invalid-quantity");
        assertRefused(() -> Quantity.of("0.0000001"), "invalid-quantity");
        assertThat(Quantity.of("0.000001").value()).isEqualByComparingTo("0.000001");
        assertThat(Quantity.of("1.500")).isEqualTo(Quantity.of("1.5"));
        assertThat(Quantity.of("100").toString()).isEqualTo("100");
        assertRefused(() -> Price.of("1.00001"), "invalid-price");
        assertRefused(() -> new Percent(new BigDecimal("100")), "invalid-trailPercent");
    }

    @Test
    void symbols_are_tickers_in_upper_case() {
        assertThat(new Symbol(" brk.b ").value()).isEqualTo("BRK.B");
        assertRefused(() -> new Symbol("1ABC"), "invalid-symbol");
        assertRefused(() -> new Symbol("TOOLONGSYMBOL"), "invalid-symbol");
        assertRefused(() -> new ClientOrderId("has space"), "invalid-clientOrderId");
    }

    private static Price price(String text) {
        return text == null ? null : Price.of(text);
    }

    private static void assertRefused(Executable action, String code) {
        assertThatThrownBy(action::execute).isInstanceOfSatisfying(Rejection.class,
                rejection -> assertThat(rejection.code()).isEqualTo(code));
    }
}
