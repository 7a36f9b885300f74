package io.tradecore.kernel.saga;

import java.time.Instant;
import java.util.List;

/**
 * What one input did to a saga: the new state, the commands to send (recorded with the state, in one transaction),
 * the due time that replaces the saga's current one (null: none), and the timeline entries. {@code changed} false
 * means the input was stale or a duplicate and the state is not written; its timeline may still carry a note of
 * what was ignored.
 */
public record SagaTransition<D>(boolean changed, SagaState<D> state, List<Command> commands,
                                SagaState.Deadline deadline, List<Entry> timeline) {

    public SagaTransition {
        commands = List.copyOf(commands);
        timeline = List.copyOf(timeline);
    }

    public static <D> SagaTransition<D> unchanged(SagaState<D> state) {
        return new SagaTransition<>(false, state, List.of(), null, List.of());
    }

    /**
     * An input that changes nothing but is worth a line in the timeline (a reply for a step the saga no longer
     * waits for): the state stays, the note is stored on its own.
     */
    public static <D> SagaTransition<D> noted(SagaState<D> state, Entry note) {
        return new SagaTransition<>(false, state, List.of(), null, List.of(note));
    }

    /**
     * A command for one step's function. {@code id} is deterministic (saga, step, do/undo, attempt): the
     * participant's idempotency key, and the key that keeps a re-recorded command from being sent twice.
     */
    public record Command(String id, String step, String function, Object body) {
    }

    /** One line of the saga's timeline: step, what happened to it, the command involved, a detail. */
    public record Entry(String step, String what, String commandId, String detail, Instant at) {
    }
}
