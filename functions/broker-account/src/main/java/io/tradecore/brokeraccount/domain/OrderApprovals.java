package io.tradecore.brokeraccount.domain;

import io.tradecore.brokeraccount.domain.AccountCommand.ApproveOrder;
import io.tradecore.brokeraccount.domain.AccountEvent.OrderApproved;
import io.tradecore.brokeraccount.domain.AccountEvent.OrderDeclined;
import io.tradecore.brokeraccount.domain.AccountState.Open;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The buying-power gate. A buy holds back cash for its value at the reference price; a sell holds back held
 * shares, and with shorting allowed the part beyond them holds cash like a buy. An order seen before changes
 * nothing. A replacement frees what the order it replaces still holds first: the order domain places it only after
 * the broker replaced the old order, whose release may still be on its way.
 */
final class OrderApprovals {

    static final String INSUFFICIENT_BUYING_POWER = "insufficient-buying-power";
    static final String INSUFFICIENT_POSITION = "insufficient-position";
    static final String NO_PRICE = "no-price";
    static final String NOT_FOUND = "account-not-found";

    private OrderApprovals() {
    }

    static List<AccountEvent> decide(Open account, ApproveOrder command) {
        OrderTerms order = command.order();
        if (account.reservations().containsKey(order.orderId())) {
            return List.of();
        }
        List<AccountEvent> events = new ArrayList<>(2);
        Open current = account;
        if (order.replacesOrderId() != null && account.reservations().containsKey(order.replacesOrderId())) {
            List<AccountEvent> released = Settlements.release(account, order.replacesOrderId(), command.at());
            events.addAll(released);
            current = (Open) Accounts.DECIDER.fold(account, released);
        }
        events.add(approveOrDecline(current, command));
        return events;
    }

    private static AccountEvent approveOrDecline(Open account, ApproveOrder command) {
        OrderTerms order = command.order();
        if (order.userId() != null && !order.userId().equals(account.userId())) {
            return decline(account, command, NOT_FOUND, "the order's owner does not own this account");
        }
        BigDecimal shares = BigDecimal.ZERO;
        BigDecimal needsCash = order.quantity();
        if (order.side() == Side.sell) {
            shares = account.sellable(order.symbol()).min(order.quantity());
            needsCash = order.quantity().subtract(shares);
            if (needsCash.signum() > 0 && !account.allowShorting()) {
                return decline(account, command, INSUFFICIENT_POSITION, "only " + shares.toPlainString() + " "
                        + order.symbol() + " can be sold and this account may not sell short");
            }
        }
        Money cash = Money.ZERO;
        if (needsCash.signum() > 0) {
            BigDecimal price = order.referencePrice();
            if (price == null) {
                return decline(account, command, NO_PRICE, "there is no price yet to reserve this order's cash at");
            }
            cash = command.rules().cashFor(needsCash, price);
            if (cash.compareTo(account.buyingPower()) > 0) {
                return decline(account, command, INSUFFICIENT_BUYING_POWER, "the order needs " + cash + " "
                        + account.currency() + " but the buying power is " + account.buyingPower());
            }
        }
        return new OrderApproved(account.id(), account.userId(), account.broker(),
                order.orderId(), order.clientOrderId(), order.symbol(), order.side(), order.quantity(), order.type(),
                order.limitPrice(), order.stopPrice(), order.trailAmount(), order.trailPercent(), order.timeInForce(),
                cash, shares, command.at());
    }

    private static OrderDeclined decline(Open account, ApproveOrder command, String code, String reason) {
        return new OrderDeclined(account.id(), account.userId(), command.order().orderId(), code, reason, command.at());
    }
}
