package io.tradecore.position.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.testing.DeciderSpec;
import io.tradecore.position.domain.PositionCommand.RecordFill;
import io.tradecore.position.domain.PositionEvent.PositionClosed;
import io.tradecore.position.domain.PositionEvent.PositionIncreased;
import io.tradecore.position.domain.PositionEvent.PositionOpened;
import io.tradecore.position.domain.PositionEvent.PositionReduced;
import io.tradecore.position.domain.PositionState.Flat;
import io.tradecore.position.domain.PositionState.Open;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The netting rules on one hand-computed sequence: buy 100 @ 10, buy 50 @ 13 (average 11), sell 30 @ 15 (realized
 * +120), sell 120 @ 9 (closes: −240, life total −120), sell 40 @ 8 (short 40 @ 8), buy 60 @ 7 (closes the short:
 * +40; opens long 20 @ 7).
 */
class PositionsTest {

    private static final AccountId ACCOUNT = new AccountId(UUID.randomUUID());
    private static final UUID OWNER = UUID.randomUUID();
    private static final Symbol ACME = new Symbol("ACME");
    private static final Instant T0 = Instant.parse("2025-01-02T15:00:00Z");

    private final PositionOpened boughtFirst = new PositionOpened(ACCOUNT, OWNER, ACME, PositionSide.LONG,
            Quantity.of("100"), avg("10"), "f1", at(1));
    private final PositionIncreased boughtMore = new PositionIncreased(ACCOUNT, OWNER, ACME, "f2", Quantity.of("50"),
            Price.of("13"), Quantity.of("150"), avg("11"), at(2));
    private final PositionReduced soldSome = new PositionReduced(ACCOUNT, OWNER, ACME, "f3", Quantity.of("30"),
            Price.of("15"), Money.of("120"), Quantity.of("120"), at(3));
    private final PositionClosed soldRest = new PositionClosed(ACCOUNT, OWNER, ACME, PositionSide.LONG, "f4",
            Quantity.of("120"), Price.of("9"), Money.of("-240"), Money.of("-120"), at(1), at(4));
    private final PositionOpened wentShort = new PositionOpened(ACCOUNT, OWNER, ACME, PositionSide.SHORT,
            Quantity.of("40"), avg("8"), "f5", at(5));

    private DeciderSpec<PositionCommand, PositionState, PositionEvent> spec() {
        return DeciderSpec.of(Positions.DECIDER);
    }

    @Test
    void a_buy_from_flat_opens_a_long_at_the_fill_price() {
        spec().given().when(fill("f1", Side.BUY, "100", "10", 1)).then(boughtFirst);
    }

    @Test
    void a_buy_on_a_long_increases_it_at_the_cost_weighted_average() {
        spec().given(boughtFirst).when(fill("f2", Side.BUY, "50", "13", 2)).then(boughtMore);
    }

    @Test
    void a_smaller_sell_reduces_a_long_realizing_on_the_part_sold_and_keeps_the_average() {
        spec().given(boughtFirst, boughtMore).when(fill("f3", Side.SELL, "30", "15", 3)).then(soldSome);
        Open open = (Open) spec().given(boughtFirst, boughtMore, soldSome).state();
        assertThat(open.averageEntryPrice()).isEqualTo(avg("11"));
        assertThat(open.quantity()).isEqualTo(Quantity.of("120"));
        assertThat(open.realizedPnl()).isEqualTo(Money.of("120"));
    }

    @Test
    void a_sell_of_exactly_the_rest_closes_the_long_with_the_total_of_its_life() {
        spec().given(boughtFirst, boughtMore, soldSome).when(fill("f4", Side.SELL, "120", "9", 4)).then(soldRest);
        assertThat(spec().given(boughtFirst, boughtMore, soldSome, soldRest).state()).isInstanceOf(Flat.class);
    }

    @Test
    void a_sell_from_flat_opens_a_short() {
        spec().given(boughtFirst, boughtMore, soldSome, soldRest).when(fill("f5", Side.SELL, "40", "8", 5))
                .then(wentShort);
    }

    @Test
    void a_buy_through_zero_closes_the_short_and_opens_a_long_with_the_rest_at_the_fill_price() {
        spec().given(boughtFirst, boughtMore, soldSome, soldRest, wentShort)
                .when(fill("f6", Side.BUY, "60", "7", 6))
                .then(new PositionClosed(ACCOUNT, OWNER, ACME, PositionSide.SHORT, "f6", Quantity.of("40"),
                                Price.of("7"), Money.of("40"), Money.of("40"), at(5), at(6)),
                        new PositionOpened(ACCOUNT, OWNER, ACME, PositionSide.LONG, Quantity.of("20"), avg("7"), "f6",
                                at(6)));
    }

    @Test
    void a_short_loses_when_bought_back_higher_and_grows_at_the_weighted_average() {
        spec().given(wentShort).when(fill("f7", Side.SELL, "20", "11", 7))
                .then(new PositionIncreased(ACCOUNT, OWNER, ACME, "f7", Quantity.of("20"), Price.of("11"),
                        Quantity.of("60"), avg("9"), at(7)));
        spec().given(wentShort).when(fill("f8", Side.BUY, "10", "8.5", 8))
                .then(new PositionReduced(ACCOUNT, OWNER, ACME, "f8", Quantity.of("10"), Price.of("8.5"),
                        Money.of("-5"), Quantity.of("30"), at(8)));
    }

    @Test
    void a_fill_already_applied_changes_nothing() {
        spec().given(boughtFirst, boughtMore).when(fill("f2", Side.BUY, "50", "13", 2)).thenNothingHappens();
        spec().given(boughtFirst, boughtMore, soldSome, soldRest).when(fill("f4", Side.SELL, "120", "9", 4))
                .thenNothingHappens();
    }

    @Test
    void averages_keep_six_decimals_and_cash_rounds_half_even_to_cents() {
        PositionOpened one = new PositionOpened(ACCOUNT, OWNER, ACME, PositionSide.LONG, Quantity.of("1"),
                avg("10"), "a", at(1));
        spec().given(one).when(fill("b", Side.BUY, "2", "10.01", 2))
                .then(new PositionIncreased(ACCOUNT, OWNER, ACME, "b", Quantity.of("2"), Price.of("10.01"),
                        Quantity.of("3"), avg("10.006667"), at(2)));
        // (10.01 - 10) × 0.5 = 0.005: half even rounds the tie to 0.00 (half up would say 0.01)
        spec().given(one).when(fill("c", Side.SELL, "0.5", "10.01", 3))
                .then(new PositionReduced(ACCOUNT, OWNER, ACME, "c", Quantity.of("0.5"), Price.of("10.01"),
                        Money.of("0.00"), Quantity.of("0.5"), at(3)));
    }

    @Test
    void values_refuse_what_a_fill_cannot_carry() {
        assertInvalid(() -> Quantity.of("0"), "invalid-quantity");
        assertInvalid(() -> Quantity.of("1.0000001"), "invalid-quantity");
        assertInvalid(() -> Price.of("-1"), "invalid-price");
        assertInvalid(() -> Price.of("1.00001"), "invalid-price");
        assertInvalid(() -> new Symbol("1ABC"), "invalid-symbol");
        assertInvalid(() -> Side.of("hold"), "invalid-side");
        assertThat(new Symbol("brk.b").value()).isEqualTo("BRK.B");
        assertThat(Quantity.of("100")).isEqualTo(Quantity.of("100.000"));
    }

    @Test
    void every_event_has_a_stable_stored_name() {
        Set<Class<? extends PositionEvent>> permitted = Set.of(PositionOpened.class, PositionIncreased.class,
                PositionReduced.class, PositionClosed.class);
        assertThat(Positions.EVENTS.classes()).containsExactlyInAnyOrderElementsOf(permitted);
        assertThat(Set.of(PositionEvent.class.getPermittedSubclasses())).containsExactlyInAnyOrderElementsOf(permitted);
        assertThat(Positions.EVENTS.typeOfClass(PositionClosed.class).name()).isEqualTo("position.closed");
        assertThat(Positions.streamId(ACCOUNT, ACME)).isEqualTo("position-" + ACCOUNT + "-ACME");
    }

    private static RecordFill fill(String fillId, Side side, String quantity, String price, int minute) {
        return new RecordFill(ACCOUNT, OWNER, ACME, fillId, "order-" + fillId, side, Quantity.of(quantity),
                Price.of(price), at(minute));
    }

    private static AveragePrice avg(String value) {
        return new AveragePrice(new java.math.BigDecimal(value));
    }

    private static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    private static void assertInvalid(Runnable construction, String code) {
        assertThatThrownBy(construction::run).isInstanceOfSatisfying(Rejection.class,
                rejection -> assertThat(rejection.code()).isEqualTo(code));
    }
}
