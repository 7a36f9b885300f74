package io.tradecore.automation.creation;

import io.tradecore.automation.api.AlertRequests.CreateAlertRequest;
import io.tradecore.automation.domain.AlertCommand.CreateAlert;
import io.tradecore.automation.domain.AlertId;
import io.tradecore.automation.domain.AlertRule;
import io.tradecore.automation.domain.Condition;
import io.tradecore.automation.domain.OrderAction;
import io.tradecore.automation.domain.Price;
import io.tradecore.kernel.domain.Ids;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.function.Actor;
import io.tradecore.kernel.gateway.QueryBus;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Turns a create request into a {@link CreateAlert}, after the checks only other domains can answer: the symbol is
 * a listed instrument (virtual_broker's {@code getInstrument}; its last price becomes a percent move's reference
 * when none is given) and an order action's account is the caller's (broker_account's {@code getAccountById}, asked
 * as the caller, so another user's account reads as absent).
 */
public final class AlertCreation {

    private final QueryBus queries;
    private final Ids ids;
    private final Clock clock;

    public AlertCreation(QueryBus queries, Ids ids, Clock clock) {
        this.queries = queries;
        this.ids = ids;
        this.clock = clock;
    }

    public CreateAlert create(CreateAlertRequest request, Actor caller) {
        if (caller.userId() == null) {
            throw Rejection.unauthenticated("unauthenticated", "a token is required");
        }
        Instrument instrument = queries.find("getInstrument", Map.of("symbol", request.symbol().value()), caller,
                        Instrument.class)
                .orElseThrow(() -> Rejection.unprocessable("unknown-symbol", "no instrument " + request.symbol()));
        Price lastPrice = instrument.lastPrice() == null || instrument.lastPrice().signum() <= 0 ? null
                : new Price(instrument.lastPrice().setScale(Price.SCALE, RoundingMode.HALF_EVEN));
        if (request.action() != null) {
            requireOwnAccount(request.action(), caller);
        }
        return new CreateAlert(new AlertId(ids.next()), UUID.fromString(caller.userId()), request.symbol(),
                rule(request, lastPrice), request.frequency(), request.expiresAt(), request.action(), lastPrice,
                clock.instant());
    }

    private static AlertRule rule(CreateAlertRequest request, Price lastPrice) {
        Price reference = request.referencePrice();
        if (request.condition() == Condition.PERCENT_MOVE && reference == null) {
            if (lastPrice == null) {
                throw Rejection.unprocessable("no-reference-price",
                        "the symbol has no last price yet: give a referencePrice");
            }
            reference = lastPrice;
        }
        return new AlertRule(request.condition(), request.threshold(), request.percent(), request.direction(),
                reference);
    }

    private void requireOwnAccount(OrderAction action, Actor caller) {
        queries.find("getAccountById", Map.of("accountId", action.accountId().toString()), caller, TradingAccount.class)
                .filter(account -> Objects.equals(account.userId(), caller.userId()))
                .orElseThrow(() -> Rejection.notFound("account-not-found", "account not found"));
    }
}
