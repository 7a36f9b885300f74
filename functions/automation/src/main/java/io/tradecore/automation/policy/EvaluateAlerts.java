package io.tradecore.automation.policy;

import io.tradecore.automation.domain.AlertCommand;
import io.tradecore.automation.domain.AlertCommand.ObservePrice;
import io.tradecore.automation.domain.Price;
import io.tradecore.automation.domain.Symbol;
import io.tradecore.automation.foreign.VirtualBrokerEvents;
import io.tradecore.automation.foreign.VirtualBrokerEvents.PriceTicked;
import io.tradecore.automation.foreign.VirtualBrokerEvents.Prices;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.policy.Policy;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.function.Function;

/**
 * When the virtual broker records a tick, evaluate the symbol's alert book on it: one command, one transaction, for
 * all of the symbol's alerts. A redelivered event is stopped by the policy runtime's idempotency key; the same tick
 * under another event id, or a tick overtaken by a later one, by the book's last recorded sequence.
 */
public final class EvaluateAlerts {

    public static final String NAME = "evaluateAlerts";

    private EvaluateAlerts() {
    }

    public static Policy<Prices> policy(Function<Command<AlertCommand>, CommandResult> books, Clock clock) {
        return Policy.on(NAME, VirtualBrokerEvents.PRICES, (event, send) -> {
            switch (event.payload()) {
                case PriceTicked tick -> send.send(books, new ObservePrice(new Symbol(tick.symbol()),
                        new Price(tick.price().setScale(Price.SCALE, RoundingMode.HALF_EVEN)), tick.sequence(),
                        tick.at() != null ? tick.at() : event.occurredAt(), clock.instant()));
            }
        });
    }
}
