package io.tradecore.automation.domain;

import io.tradecore.automation.domain.AlertCommand.CreateAlert;
import io.tradecore.automation.domain.AlertCommand.DeleteAlert;
import io.tradecore.automation.domain.AlertCommand.ExpireAlerts;
import io.tradecore.automation.domain.AlertCommand.ObservePrice;
import io.tradecore.automation.domain.AlertCommand.PauseAlert;
import io.tradecore.automation.domain.AlertCommand.ResumeAlert;
import io.tradecore.automation.domain.AlertEvent.AlertCreated;
import io.tradecore.automation.domain.AlertEvent.AlertDeleted;
import io.tradecore.automation.domain.AlertEvent.AlertExpired;
import io.tradecore.automation.domain.AlertEvent.AlertPaused;
import io.tradecore.automation.domain.AlertEvent.AlertRearmed;
import io.tradecore.automation.domain.AlertEvent.AlertResumed;
import io.tradecore.automation.domain.AlertEvent.AlertTriggered;
import io.tradecore.automation.domain.AlertEvent.PriceObserved;
import io.tradecore.kernel.domain.Aggregate;
import io.tradecore.kernel.domain.Decider;
import io.tradecore.kernel.domain.EventTypes;
import io.tradecore.kernel.domain.Rejection;
import java.util.ArrayList;
import java.util.List;

/**
 * The alert-book decider: one book per symbol holds its alerts and the last tick it recorded, so a tick is one
 * decision over all of the symbol's alerts against the previous price. A tick whose sequence is not above the last
 * recorded one (a redelivery, or one overtaken by a later tick) changes nothing. Otherwise every live alert is
 * looked at in id order: one past its {@code expiresAt} expires instead of firing; an active crossing alert fires
 * on an edge from the previous price; an active level alert fires when its condition holds and it is armed. Then
 * the tick is recorded as the book's last price. A book with no live alert records no ticks.
 *
 * <p>Frequency: a {@code once} alert ends as triggered when it fires. An {@code every_time} crossing fires on each
 * new crossing (a crossing needs the price back on the other side first, so it cannot fire twice on one move). An
 * {@code every_time} level alert ({@code greater_than}, {@code less_than}, {@code percent_move}) is disarmed when it
 * fires and re-armed ({@code alert.rearmed}) by the first later tick at which its condition is false, so it fires
 * once per stretch of prices where the condition holds, not on every tick of it. Resuming a paused alert arms it.
 */
public final class Alerts {

    public static final String DOMAIN = "automation";

    public static final EventTypes<AlertEvent> EVENTS = EventTypes.of(DOMAIN, AlertEvent.class)
            .add(AlertCreated.class, "alert.created", 1)
            .add(AlertPaused.class, "alert.paused", 1)
            .add(AlertResumed.class, "alert.resumed", 1)
            .add(AlertDeleted.class, "alert.deleted", 1)
            .add(AlertTriggered.class, "alert.triggered", 1)
            .add(AlertRearmed.class, "alert.rearmed", 1)
            .add(AlertExpired.class, "alert.expired", 1)
            .add(PriceObserved.class, "alert.price-observed", 1)
            .build();

    public static final Decider<AlertCommand, AlertBook, AlertEvent> DECIDER =
            new Decider<>(Alerts::decide, Alerts::evolve, AlertBook.EMPTY);

    public static final Aggregate<AlertCommand, AlertBook, AlertEvent> AGGREGATE =
            Aggregate.of(DECIDER, EVENTS, AlertBook.class).snapshotEvery(100, 1);

    private Alerts() {
    }

    public static String streamId(Symbol symbol) {
        return "alert-book-" + symbol;
    }

    public static Rejection alertNotFound() {
        return Rejection.notFound("alert-not-found", "alert not found");
    }

    static List<AlertEvent> decide(AlertCommand command, AlertBook book) {
        return switch (command) {
            case CreateAlert c -> List.of(created(c, book));
            case PauseAlert c -> {
                Alert alert = live(book, c.alertId());
                yield alert.status() == AlertStatus.PAUSED ? List.of()
                        : List.of(new AlertPaused(alert.id(), alert.userId(), c.symbol(), c.at()));
            }
            case ResumeAlert c -> {
                Alert alert = live(book, c.alertId());
                if (alert.expiredAt(c.at())) {
                    yield List.of(expired(alert, c.symbol(), c.at()));
                }
                yield alert.status() == AlertStatus.ACTIVE ? List.of()
                        : List.of(new AlertResumed(alert.id(), alert.userId(), c.symbol(), c.at()));
            }
            case DeleteAlert c -> {
                Alert alert = existing(book, c.alertId());
                yield alert.status() == AlertStatus.DELETED ? List.of()
                        : List.of(new AlertDeleted(alert.id(), alert.userId(), c.symbol(), c.at()));
            }
            case ObservePrice c -> observe(c, book);
            case ExpireAlerts c -> book.live().stream().filter(alert -> alert.expiredAt(c.at()))
                    .<AlertEvent>map(alert -> expired(alert, c.symbol(), c.at())).toList();
        };
    }

    private static AlertCreated created(CreateAlert c, AlertBook book) {
        if (book.alert(c.alertId()) != null) {
            throw Rejection.conflict("alert-exists", "an alert with this id exists");
        }
        if (c.expiresAt() != null && !c.expiresAt().isAfter(c.at())) {
            throw Rejection.unprocessable("expiry-in-the-past", "expiresAt must be in the future");
        }
        AlertRule r = c.rule();
        return new AlertCreated(c.alertId(), c.userId(), c.symbol(), r.condition(), r.threshold(), r.percent(),
                r.direction(), r.referencePrice(), c.frequency(), c.expiresAt(), c.action(), c.lastPrice(), c.at());
    }

    private static List<AlertEvent> observe(ObservePrice tick, AlertBook book) {
        if (!book.watching() || tick.sequence() <= book.lastSequence()) {
            return List.of();
        }
        List<AlertEvent> events = new ArrayList<>();
        for (Alert alert : book.live()) {
            if (alert.expiredAt(tick.at())) {
                events.add(expired(alert, tick.symbol(), tick.at()));
            } else if (alert.status() == AlertStatus.ACTIVE) {
                AlertEvent reaction = react(alert, book.lastPrice(), tick);
                if (reaction != null) {
                    events.add(reaction);
                }
            }
        }
        events.add(new PriceObserved(tick.symbol(), tick.price(), tick.sequence(), tick.tickedAt(), tick.at()));
        return events;
    }

    /** Whether one active alert fires (or re-arms) on this tick; null when neither. */
    private static AlertEvent react(Alert alert, Price previous, ObservePrice tick) {
        AlertRule rule = alert.rule();
        if (rule.condition().isCrossing()) {
            Price crossed = rule.crossedBy(previous, tick.price());
            return crossed == null ? null : triggered(alert, crossed, previous, tick);
        }
        Price level = rule.holds(tick.price());
        if (level != null) {
            return alert.armed() ? triggered(alert, level, previous, tick) : null;
        }
        return alert.armed() ? null
                : new AlertRearmed(alert.id(), alert.userId(), tick.symbol(), tick.price(), tick.sequence(), tick.at());
    }

    private static AlertTriggered triggered(Alert alert, Price level, Price previous, ObservePrice tick) {
        return new AlertTriggered(alert.id(), alert.userId(), tick.symbol(), alert.rule().condition(), level,
                tick.price(), previous, tick.sequence(), alert.frequency(), alert.action(), tick.at());
    }

    private static AlertExpired expired(Alert alert, Symbol symbol, java.time.Instant at) {
        return new AlertExpired(alert.id(), alert.userId(), symbol, alert.expiresAt(), at);
    }

    private static Alert existing(AlertBook book, AlertId id) {
        Alert alert = book.alert(id);
        if (alert == null) {
            throw alertNotFound();
        }
        return alert;
    }

    /** A live alert: a change to an ended one is refused, as it can never fire again. */
    private static Alert live(AlertBook book, AlertId id) {
        Alert alert = existing(book, id);
        if (!alert.status().isLive()) {
            throw Rejection.conflict("alert-ended", "the alert is " + alert.status() + " and can no longer change");
        }
        return alert;
    }

    static AlertBook evolve(AlertBook book, AlertEvent event) {
        return switch (event) {
            case AlertCreated e -> {
                // A book that watched nothing recorded no ticks: the instrument's price at creation is fresher.
                AlertBook base = !book.watching() && e.lastPrice() != null ? book.at(e.lastPrice(), book.lastSequence())
                        : book;
                yield base.with(new Alert(e.alertId(), e.userId(), e.rule(), e.frequency(), e.expiresAt(), e.action(),
                        AlertStatus.ACTIVE, true));
            }
            case AlertPaused e -> book.with(alert(book, e).with(AlertStatus.PAUSED, alert(book, e).armed()));
            case AlertResumed e -> book.with(alert(book, e).with(AlertStatus.ACTIVE, true));
            case AlertDeleted e -> book.with(alert(book, e).with(AlertStatus.DELETED, false));
            case AlertExpired e -> book.with(alert(book, e).with(AlertStatus.EXPIRED, false));
            case AlertRearmed e -> book.with(alert(book, e).with(alert(book, e).status(), true));
            case AlertTriggered e -> {
                Alert alert = alert(book, e);
                yield book.with(e.frequency() == Frequency.ONCE ? alert.with(AlertStatus.TRIGGERED, false)
                        : alert.with(alert.status(), alert.rule().condition().isCrossing()));
            }
            case PriceObserved e -> book.at(e.price(), e.sequence());
        };
    }

    private static Alert alert(AlertBook book, AlertEvent.OfAlert event) {
        Alert alert = book.alert(event.alertId());
        if (alert == null) {
            throw new IllegalStateException("event for an alert the book does not hold: " + event.alertId());
        }
        return alert;
    }
}
