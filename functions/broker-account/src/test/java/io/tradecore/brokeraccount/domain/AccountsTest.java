package io.tradecore.brokeraccount.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.brokeraccount.domain.AccountCommand.ApproveOrder;
import io.tradecore.brokeraccount.domain.AccountCommand.DepositFunds;
import io.tradecore.brokeraccount.domain.AccountCommand.OpenAccount;
import io.tradecore.brokeraccount.domain.AccountCommand.ReleaseReservation;
import io.tradecore.brokeraccount.domain.AccountCommand.SettleFill;
import io.tradecore.brokeraccount.domain.AccountCommand.WithdrawFunds;
import io.tradecore.brokeraccount.domain.AccountEvent.AccountOpened;
import io.tradecore.brokeraccount.domain.AccountEvent.FillSettled;
import io.tradecore.brokeraccount.domain.AccountEvent.FundsDeposited;
import io.tradecore.brokeraccount.domain.AccountEvent.FundsWithdrawn;
import io.tradecore.brokeraccount.domain.AccountEvent.OrderApproved;
import io.tradecore.brokeraccount.domain.AccountEvent.OrderDeclined;
import io.tradecore.brokeraccount.domain.AccountEvent.ReservationReleased;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.testing.DeciderSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountsTest {

    private static final Instant AT = Instant.parse("2026-01-05T14:30:00Z");
    private static final String OWNER = "0190a000-0000-7000-8000-000000000001";
    private static final Symbol ACME = new Symbol("ACME");

    private final AccountId id = new AccountId(UUID.randomUUID());
    private final UUID transfer = UUID.randomUUID();
    private final AccountOpened opened = opened(false);

    private DeciderSpec<AccountCommand, AccountState, AccountEvent> spec() {
        return DeciderSpec.of(Accounts.DECIDER);
    }

    @Test
    void a_paper_account_opens_in_dollars_unless_told_otherwise() {
        spec().given().when(new OpenAccount(id, OWNER, "virtual", null, "  Main ", null, false, AT)).then(opened);
        spec().given(opened).when(new OpenAccount(id, OWNER, "virtual", null, "Main", "EUR", false, AT))
                .thenRejected("account-exists");
        assertInvalid(() -> new OpenAccount(id, OWNER, "virtual", null, "Main", "XYZ1", false, AT), "invalid-currency");
        assertInvalid(() -> new OpenAccount(id, OWNER, "virtual", null, " ", null, false, AT), "invalid-name");
    }

    @Test
    void a_deposit_adds_to_cash_and_a_withdrawal_may_take_only_what_no_order_holds() {
        spec().given(opened).when(new DepositFunds(id, transfer, money("1000.50"), AT))
                .then(new FundsDeposited(id, OWNER, transfer, money("1000.50"), money("1000.50"), AT));
        AccountEvent[] holding600 = {opened, deposited("1000.00"), approvedBuy("o1", "10", "600.00")};
        spec().given(holding600).when(new WithdrawFunds(id, transfer, money("400.01"), AT))
                .thenRejected("insufficient-funds");
        spec().given(holding600).when(new WithdrawFunds(id, transfer, money("400.00"), AT))
                .then(new FundsWithdrawn(id, OWNER, transfer, money("400.00"), money("600.00"), AT));
    }

    @Test
    void nothing_happens_to_an_account_that_was_never_opened() {
        spec().given().when(new DepositFunds(id, transfer, money("1.00"), AT)).thenRejected("account-not-found");
        spec().given().when(approve(buy("o1", "1", "10"))).thenRejected("account-not-found");
    }

    @Test
    void a_buy_within_buying_power_reserves_its_value_plus_the_buffer_rounded_up_to_the_cent() {
        // 10 × 150 × 1.02 = 1530.00
        spec().given(opened, deposited("10000.00")).when(approve(buy("o1", "10", "150")))
                .then(approved(buy("o1", "10", "150"), "1530.00", "0"));
        // 3 × 33.3333 × 1.02 = 101.999898 → 102.00
        spec().given(opened, deposited("10000.00")).when(approve(buy("o2", "3", "33.3333")))
                .then(approved(buy("o2", "3", "33.3333"), "102.00", "0"));
    }

    @Test
    void a_buy_beyond_buying_power_is_declined() {
        // 10 × 100 × 1.02 = 1020.00 > 1000.00
        assertDeclined(approve(buy("o1", "10", "100")), "insufficient-buying-power", opened, deposited("1000.00"));
        // 5 × 100 × 1.02 = 510.00 > 1000.00 − 600.00
        assertDeclined(approve(buy("o1", "5", "100")), "insufficient-buying-power",
                opened, deposited("1000.00"), approvedBuy("o0", "6", "600.00"));
    }

    @Test
    void a_market_buy_reserves_at_the_last_price_and_is_declined_without_one() {
        OrderTerms priced = market("o1", Side.buy, "10", "50");
        spec().given(opened, deposited("1000.00")).when(approve(priced)).then(approved(priced, "510.00", "0"));
        assertDeclined(approve(market("o2", Side.buy, "10", null)), "no-price", opened, deposited("1000.00"));
    }

    @Test
    void the_same_order_twice_reserves_once() {
        spec().given(opened, deposited("10000.00"), approved(buy("o1", "10", "150"), "1530.00", "0"))
                .when(approve(buy("o1", "10", "150"))).thenNothingHappens();
    }

    @Test
    void a_sell_reserves_held_shares_and_without_them_is_declined() {
        assertDeclined(approve(sell("o1", "1", "20")), "insufficient-position", opened, deposited("1000.00"));
        AccountEvent[] ten = {opened, deposited("1000.00"), filled("b1", Side.buy, "10", "20.00", "-200.00", "800.00")};
        spec().given(ten).when(approve(sell("o1", "4", "25"))).then(approved(sell("o1", "4", "25"), "0.00", "4"));
        // 4 of the 10 are promised to o1: 6 remain for o2
        assertDeclined(approve(sell("o2", "7", "25")), "insufficient-position",
                ten[0], ten[1], ten[2], approved(sell("o1", "4", "25"), "0.00", "4"));
    }

    @Test
    void with_shorting_allowed_the_part_beyond_the_holding_reserves_cash_like_a_buy() {
        AccountOpened shortable = opened(true);
        // 5 × 20 × 1.02 = 102.00
        spec().given(shortable, deposited("1000.00")).when(approve(sell("o1", "5", "20")))
                .then(approved(sell("o1", "5", "20"), "102.00", "0"));
        // 2 held, 3 short: 3 × 20 × 1.02 = 61.20
        spec().given(shortable, deposited("1000.00"), filled("b1", Side.buy, "2", "20.00", "-40.00", "960.00"))
                .when(approve(sell("o1", "5", "20"))).then(approved(sell("o1", "5", "20"), "61.20", "2"));
        assertDeclined(approve(sell("o1", "5", "20")), "insufficient-buying-power", shortable, deposited("100.00"));
    }

    @Test
    void fills_settle_cash_and_holdings_and_use_up_the_reservation_in_proportion() {
        AccountEvent[] working = {opened, deposited("10000.00"), approved(buy("o1", "10", "150"), "1530.00", "0")};
        // −(4 × 149.50) − 1.00 = −599.00; 1530.00 × 4 / 10 = 612.00 of the reservation used
        FillSettled first = new FillSettled(id, OWNER, "o1", "f1", ACME, Side.buy, dec("4"), dec("149.50"),
                money("1.00"), money("-599.00"), money("9401.00"), money("612.00"), dec("0"), AT);
        spec().given(working).when(settle("o1", "f1", Side.buy, "4", "149.50", "1.00", "6")).then(first);
        // the last fill takes the rest (918.00) and leaves nothing to release: −(6 × 149) − 1 = −895.00
        spec().given(working[0], working[1], working[2], first)
                .when(settle("o1", "f2", Side.buy, "6", "149", "1.00", "0"))
                .then(new FillSettled(id, OWNER, "o1", "f2", ACME, Side.buy, dec("6"), dec("149"), money("1.00"),
                        money("-895.00"), money("8506.00"), money("918.00"), dec("0"), AT));
        var after = (AccountState.Open) spec().given(working[0], working[1], working[2], first).state();
        assertThat(after.reservedCash()).isEqualTo(money("918.00"));
        assertThat(after.holding(ACME)).isEqualByComparingTo("4");
        assertThat(after.buyingPower()).isEqualTo(money("8483.00"));
    }

    @Test
    void a_fill_that_ends_its_order_releases_what_the_order_still_held() {
        spec().given(opened, deposited("10000.00"), approved(buy("o1", "10", "150"), "1530.00", "0"))
                .when(settle("o1", "f1", Side.buy, "4", "150", "0", "0"))
                .then(new FillSettled(id, OWNER, "o1", "f1", ACME, Side.buy, dec("4"), dec("150"), money("0"),
                                money("-600.00"), money("9400.00"), money("612.00"), dec("0"), AT),
                        new ReservationReleased(id, OWNER, "o1", money("918.00"), dec("0"), AT));
    }

    @Test
    void a_sell_fill_credits_its_value_less_commission_and_delivers_the_reserved_shares() {
        spec().given(opened, deposited("1000.00"), filled("b1", Side.buy, "10", "20.00", "-200.00", "800.00"),
                        approved(sell("o1", "4", "25"), "0.00", "4"))
                .when(settle("o1", "f1", Side.sell, "4", "25.10", "1.00", "0"))
                // 4 × 25.10 − 1.00 = 99.40
                .then(new FillSettled(id, OWNER, "o1", "f1", ACME, Side.sell, dec("4"), dec("25.10"), money("1.00"),
                        money("99.40"), money("899.40"), money("0"), dec("4"), AT));
    }

    @Test
    void an_ended_order_releases_its_reservation_once() {
        AccountEvent[] working = {opened, deposited("10000.00"), approved(buy("o1", "10", "150"), "1530.00", "0")};
        ReservationReleased released = new ReservationReleased(id, OWNER, "o1", money("1530.00"), dec("0"), AT);
        spec().given(working).when(new ReleaseReservation(id, "o1", AT)).then(released);
        spec().given(working[0], working[1], working[2], released).when(new ReleaseReservation(id, "o1", AT))
                .thenNothingHappens();
        spec().given(working).when(new ReleaseReservation(id, "unknown", AT)).thenNothingHappens();
    }

    @Test
    void a_replacement_frees_what_the_replaced_order_held_before_it_is_weighed() {
        OrderTerms replacement = new OrderTerms("o2", OWNER, "virtual", "c-o2", ACME, Side.buy, dec("10"), "limit",
                dec("180"), null, null, null, "day", "o1", null);
        spec().given(opened, deposited("2000.00"), approved(buy("o1", "10", "150"), "1530.00", "0"))
                .when(approve(replacement))
                .then(new ReservationReleased(id, OWNER, "o1", money("1530.00"), dec("0"), AT),
                        approved(replacement, "1836.00", "0"));
    }

    @Test
    void an_order_of_someone_else_is_declined() {
        OrderTerms foreign = new OrderTerms("o1", "someone-else", "virtual", "c", ACME, Side.buy, dec("1"), "limit",
                dec("1"), null, null, null, "day", null, null);
        assertDeclined(approve(foreign), "account-not-found", opened, deposited("100.00"));
    }

    @Test
    void transfer_amounts_are_positive_whole_cents_within_bounds() {
        assertThat(Money.transfer(dec("12.5"))).isEqualTo(money("12.50"));
        assertInvalid(() -> Money.transfer(dec("0")), "invalid-amount");
        assertInvalid(() -> Money.transfer(dec("-5")), "invalid-amount");
        assertInvalid(() -> Money.transfer(dec("1.005")), "invalid-amount");
        assertInvalid(() -> Money.transfer(dec("10000000.01")), "invalid-amount");
        assertInvalid(() -> Money.transfer(null), "invalid-amount");
    }

    @Test
    void every_event_has_a_stable_stored_name() {
        Set<Class<?>> permitted = Set.of(AccountEvent.class.getPermittedSubclasses());
        assertThat(Accounts.EVENTS.classes()).containsExactlyInAnyOrderElementsOf(
                permitted.stream().map(c -> c.asSubclass(AccountEvent.class)).toList());
        assertThat(Accounts.EVENTS.typeOfClass(OrderApproved.class).name()).isEqualTo("account.order-approved");
        assertThat(Accounts.EVENTS.typeOfClass(FillSettled.class).schemaVersion()).isEqualTo(1);
    }

    private AccountOpened opened(boolean allowShorting) {
        return new AccountOpened(id, OWNER, "virtual", null, "Main", "USD", allowShorting, AT);
    }

    private FundsDeposited deposited(String cash) {
        return new FundsDeposited(id, OWNER, transfer, money(cash), money(cash), AT);
    }

    private OrderApproved approvedBuy(String orderId, String quantity, String reservedCash) {
        return approved(buy(orderId, quantity, "1"), reservedCash, "0");
    }

    private OrderApproved approved(OrderTerms o, String cash, String shares) {
        return new OrderApproved(id, OWNER, "virtual", o.orderId(), o.clientOrderId(), o.symbol(), o.side(),
                o.quantity(), o.type(), o.limitPrice(), o.stopPrice(), o.trailAmount(), o.trailPercent(),
                o.timeInForce(), money(cash), dec(shares), AT);
    }

    /** Declines carry a human reason besides their code; the code is the contract, the reason must just be there. */
    private void assertDeclined(ApproveOrder command, String code, AccountEvent... given) {
        var events = Accounts.decide(command, spec().given(given).state());
        assertThat(events).singleElement().isInstanceOfSatisfying(OrderDeclined.class, declined -> {
            assertThat(declined.code()).isEqualTo(code);
            assertThat(declined.orderId()).isEqualTo(command.order().orderId());
            assertThat(declined.reason()).isNotBlank();
        });
    }

    private FillSettled filled(String orderId, Side side, String quantity, String price, String change, String cash) {
        return new FillSettled(id, OWNER, orderId, orderId + "-fill", ACME, side, dec(quantity), dec(price),
                money("0"), money(change), money(cash), money("0"), dec("0"), AT);
    }

    private ApproveOrder approve(OrderTerms order) {
        return new ApproveOrder(id, order, ReservationRules.DEFAULT, AT);
    }

    private SettleFill settle(String orderId, String fillId, Side side, String quantity, String price,
                              String commission, String leaves) {
        return new SettleFill(id, new Fill(orderId, fillId, ACME, side, dec(quantity), dec(price), money(commission),
                dec(leaves)), AT);
    }

    private static OrderTerms buy(String orderId, String quantity, String limit) {
        return new OrderTerms(orderId, OWNER, "virtual", "c-" + orderId, ACME, Side.buy, dec(quantity), "limit",
                dec(limit), null, null, null, "day", null, null);
    }

    private static OrderTerms sell(String orderId, String quantity, String limit) {
        return new OrderTerms(orderId, OWNER, "virtual", "c-" + orderId, ACME, Side.sell, dec(quantity), "limit",
                dec(limit), null, null, null, "gtc", null, null);
    }

    private static OrderTerms market(String orderId, Side side, String quantity, String estimate) {
        return new OrderTerms(orderId, OWNER, "virtual", "c-" + orderId, ACME, side, dec(quantity), "market", null,
                null, null, null, "day", null, estimate == null ? null : dec(estimate));
    }

    private static Money money(String value) {
        return Money.of(value);
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static void assertInvalid(Runnable construction, String code) {
        assertThatThrownBy(construction::run).isInstanceOfSatisfying(Rejection.class,
                rejection -> assertThat(rejection.code()).isEqualTo(code));
    }
}
