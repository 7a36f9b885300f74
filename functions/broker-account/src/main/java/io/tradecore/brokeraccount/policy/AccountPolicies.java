package io.tradecore.brokeraccount.policy;

import io.tradecore.brokeraccount.domain.AccountCommand;
import io.tradecore.brokeraccount.domain.AccountCommand.ApproveOrder;
import io.tradecore.brokeraccount.domain.AccountCommand.ReleaseReservation;
import io.tradecore.brokeraccount.domain.AccountCommand.SettleFill;
import io.tradecore.brokeraccount.domain.AccountId;
import io.tradecore.brokeraccount.domain.Fill;
import io.tradecore.brokeraccount.domain.Money;
import io.tradecore.brokeraccount.domain.OrderTerms;
import io.tradecore.brokeraccount.domain.ReservationRules;
import io.tradecore.brokeraccount.domain.Side;
import io.tradecore.brokeraccount.domain.Symbol;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.policy.Policy;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * broker_account's reactions to other domains: a placed order asks its account for approval, and the broker's
 * outcomes settle fills and release reservations. Each sends one command to the account's stream, where the
 * kernel lines up concurrent commands, so orders racing for the same cash are decided one after the other.
 */
public final class AccountPolicies {

    private AccountPolicies() {
    }

    public static Policy<OrderEvents> reserveOrderFunds(Function<Command<AccountCommand>, CommandResult> accounts,
                                                        Supplier<ReservationRules> rules, Clock clock) {
        return Policy.on("reserveOrderFunds", OrderEvents.VIEW, (event, send) -> {
            switch (event.payload()) {
                case OrderEvents.Placed p -> send.send(accounts, new ApproveOrder(AccountId.of(p.accountId()),
                        terms(p), rules.get(), clock.instant()));
            }
        }).inBatches();
    }

    public static Policy<BrokerEvents> settleExecutions(Function<Command<AccountCommand>, CommandResult> accounts,
                                                        Clock clock) {
        return Policy.on("settleExecutions", BrokerEvents.VIEW, (event, send) -> {
            BrokerEvents outcome = event.payload();
            AccountId account = AccountId.of(outcome.accountId());
            AccountCommand command = switch (outcome) {
                case BrokerEvents.Filled f -> new SettleFill(account, fill(f), clock.instant());
                case BrokerEvents.Canceled c -> new ReleaseReservation(account, c.orderId(), clock.instant());
                case BrokerEvents.Expired e -> new ReleaseReservation(account, e.orderId(), clock.instant());
                case BrokerEvents.Rejected r -> new ReleaseReservation(account, r.orderId(), clock.instant());
                case BrokerEvents.Replaced r -> new ReleaseReservation(account, r.orderId(), clock.instant());
            };
            send.send(accounts, command);
        }).inBatches();
    }

    private static OrderTerms terms(OrderEvents.Placed p) {
        return new OrderTerms(p.orderId(), p.userId(), p.broker(), p.clientOrderId(), new Symbol(p.symbol()),
                Side.valueOf(p.side()), p.quantity(), p.type(), p.limitPrice(), p.stopPrice(), p.trailAmount(),
                p.trailPercent(), p.timeInForce(), p.replacesOrderId(), p.estimatedPrice());
    }

    private static Fill fill(BrokerEvents.Filled f) {
        return new Fill(f.orderId(), f.fillId(), new Symbol(f.symbol()), Side.valueOf(f.side()), f.quantity(),
                f.price(), f.commission() == null ? Money.ZERO : new Money(f.commission()), f.leavesQuantity());
    }
}
