package io.tradecore.kernel.policy;

import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.eventstore.ForeignEvents;
import io.tradecore.kernel.function.Command;
import java.util.function.Function;

/**
 * "When this event happens, send that command": how one domain reacts to another's events (or to its own) without
 * calling its code. A policy reads events through a view ({@link ForeignEvents}) or, for its own domain's events,
 * through the module's registry, and sends commands to its own domain's handlers; {@link PolicyRuntime} makes each
 * event's commands take effect once.
 *
 * @param name        the stable name: the consumer group, the idempotency scope of its commands, the parking name
 * @param eventType   the events it reacts to; other events on its topics are passed over
 * @param events      the view it reads foreign events through, or null for its own domain's events
 * @param reaction    what it sends for one event
 * @param batched     whether several events' commands may share one transaction (see {@link #inBatches()})
 * @param <F>         the event type
 */
public record Policy<F>(String name, Class<F> eventType, ForeignEvents<F> events, Reaction<F> reaction,
                        boolean batched) {

    /** A policy over another domain's events, read through the consumer's view. */
    public static <F> Policy<F> on(String name, ForeignEvents<F> events, Reaction<F> reaction) {
        return new Policy<>(name, events.root(), events, reaction, false);
    }

    /** A policy over the module's own events (decoded with its registry). */
    public static <F> Policy<F> onOwn(String name, Class<F> eventType, Reaction<F> reaction) {
        return new Policy<>(name, eventType, null, reaction, false);
    }

    /**
     * The same policy, declared to have no effect but its commands (no calls out, no messages, nothing written
     * outside the commands' transactions): the runtime may then commit the commands of several events of a delivery
     * in one transaction, and when that fails, roll it back and send them again one transaction per command. A
     * reaction that reads the database sees the earlier events' commands of its batch.
     */
    public Policy<F> inBatches() {
        return new Policy<>(name, eventType, events, reaction, true);
    }

    /** What to send when {@code event} arrives; sending nothing is fine. */
    @FunctionalInterface
    public interface Reaction<F> {
        void react(EventEnvelope<F> event, Sender send);
    }

    /**
     * Sends a command to one of the module's command functions, as the system acting on behalf of the user who
     * caused the event. A refusal ({@link io.tradecore.kernel.domain.Rejection}) is an answer, not a failure: it is
     * returned, logged, and the event counts as handled.
     */
    public interface Sender {
        /** Sends a command keyed by its place among the event's commands: for reactions that always send the same list. */
        <C, R> Outcome<R> send(Function<Command<C>, R> handler, C body);

        /**
         * Sends a command keyed by {@code key}, unique among this event's commands (e.g. the target's id): for reactions
         * whose list of commands can differ when the event is handled again (it depends on data that moves).
         */
        <C, R> Outcome<R> send(String key, Function<Command<C>, R> handler, C body);
    }

    /** A command's answer: its result, or the refusal. */
    public record Outcome<R>(R result, io.tradecore.kernel.domain.Rejection rejection) {
        public boolean accepted() {
            return rejection == null;
        }
    }
}
