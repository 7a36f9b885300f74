package io.tradecore.kernel.saga;

import io.tradecore.kernel.saga.SagaState.Deadline;
import io.tradecore.kernel.saga.SagaState.Status;
import io.tradecore.kernel.saga.SagaTransition.Command;
import io.tradecore.kernel.saga.SagaTransition.Entry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The saga's rules as a pure function: state and input in, transition out. A reply or due time that does not
 * match what the saga is waiting for (a late answer, a duplicate, a superseded timeout) changes nothing; an ignored
 * reply leaves a {@code reply-ignored} note in the timeline.
 *
 * <p>On failure the saga compensates the failed step and every step before it, newest first, skipping steps with
 * nothing to undo. The failed step is included because a step that failed or timed out may still have taken
 * effect at the participant (an answer lost on the way back); compensations must therefore be idempotent and
 * accept "nothing to undo".
 */
public final class SagaDecider<D> {

    public static final String TIMED_OUT = "step-timed-out";

    private final SagaDefinition<D> definition;
    private final Instant now;
    private final List<Command> commands = new ArrayList<>();
    private final List<Entry> timeline = new ArrayList<>();
    private Deadline deadline;

    private SagaDecider(SagaDefinition<D> definition, Instant now) {
        this.definition = definition;
        this.now = now;
    }

    @SuppressWarnings("unchecked")
    public static <D> SagaTransition<D> start(SagaDefinition<D> definition, SagaInput.Start<?> start, Instant now) {
        D data = definition.dataType().cast(start.data());
        var state = new SagaState<>(start.sagaId(), definition.name(), data, Status.RUNNING, 0, 1, null, null, null,
                now, now);
        SagaDecider<D> decider = new SagaDecider<>(definition, now);
        return decider.transition(decider.issue(state, 0, 1));
    }

    public static <D> SagaTransition<D> decide(SagaDefinition<D> definition, SagaState<D> state, SagaInput input,
                                               Instant now) {
        SagaDecider<D> decider = new SagaDecider<>(definition, now);
        SagaState<D> next = switch (input) {
            case SagaInput.Start<?> ignored -> null; // a saga starts once; a second start changes nothing
            case SagaInput.Reply reply -> decider.onReply(state, reply.reply());
            case SagaInput.Due due -> decider.onDue(state, due.deadline());
        };
        if (next != null) {
            return decider.transition(next);
        }
        return input instanceof SagaInput.Reply reply
                ? SagaTransition.noted(state, ignored(definition, state, reply.reply(), now))
                : SagaTransition.unchanged(state);
    }

    /**
     * The note for a reply the saga no longer waits for: an answer that arrived after its step's timeout fired, a
     * duplicate of one already applied, a compensation answer for an abandoned compensation.
     */
    private static <D> Entry ignored(SagaDefinition<D> definition, SagaState<D> state, SagaReply reply, Instant now) {
        String current = definition.steps().get(state.step()).name();
        String kind = reply.kind().name().toLowerCase(java.util.Locale.ROOT);
        return new Entry(reply.step(), "reply-ignored", null, kind + " answer while the saga is "
                + state.status().name().toLowerCase(java.util.Locale.ROOT) + " at " + current, now);
    }

    private SagaTransition<D> transition(SagaState<D> state) {
        return new SagaTransition<>(true, state, commands, deadline, timeline);
    }

    private SagaState<D> onReply(SagaState<D> state, SagaReply reply) {
        int index = definition.indexOf(reply.step());
        if (index < 0 || index != state.step()) {
            return null;
        }
        SagaStep<D> step = definition.steps().get(index);
        return switch (reply.kind()) {
            case DONE -> state.status() != Status.RUNNING ? null : completed(state, step);
            case FAILED -> state.status() != Status.RUNNING ? null : failed(state, step, reply);
            case COMPENSATED -> state.status() != Status.COMPENSATING ? null : compensated(state, step);
        };
    }

    private SagaState<D> completed(SagaState<D> state, SagaStep<D> step) {
        log(step.name(), "completed", null, null);
        if (state.step() + 1 == definition.steps().size()) {
            log(step.name(), "saga-completed", null, null);
            return state.at(Status.COMPLETED, state.step(), state.attempt(), now);
        }
        return issue(state, state.step() + 1, 1);
    }

    private SagaState<D> failed(SagaState<D> state, SagaStep<D> step, SagaReply reply) {
        log(step.name(), "failed", null, reply.code() + ": " + reply.reason());
        if (reply.retryable() && state.attempt() < step.retry().maxAttempts()) {
            deadline = new Deadline(Deadline.Kind.RETRY, state.step(), state.attempt(),
                    now.plus(step.retry().backoffAfter(state.attempt())));
            log(step.name(), "retrying", null, "attempt " + (state.attempt() + 1) + " after backoff");
            return state.at(Status.RUNNING, state.step(), state.attempt(), now);
        }
        return compensateFrom(state.failing(step.name(), reply.code(), reply.reason(), now), state.step());
    }

    private SagaState<D> onDue(SagaState<D> state, Deadline due) {
        if (state.ended() || due.step() != state.step() || due.attempt() != state.attempt()) {
            return null;
        }
        SagaStep<D> step = definition.steps().get(due.step());
        if (due.kind() == Deadline.Kind.RETRY) {
            return state.status() == Status.RUNNING ? issue(state, state.step(), state.attempt() + 1) : null;
        }
        boolean compensating = state.status() == Status.COMPENSATING;
        log(step.name(), compensating ? "compensation-timed-out" : "timed-out", null,
                "no answer within " + step.timeout().toSeconds() + " s (attempt " + state.attempt() + ")");
        if (state.attempt() < step.retry().maxAttempts()) {
            return compensating ? undo(state, state.step(), state.attempt() + 1)
                    : issue(state, state.step(), state.attempt() + 1);
        }
        if (compensating) {
            log(step.name(), "compensation-abandoned", null, "after " + state.attempt() + " attempts");
            return nextCompensation(state, state.step() - 1);
        }
        return compensateFrom(state.failing(step.name(), TIMED_OUT, "step " + step.name() + " did not answer within "
                + step.timeout().toSeconds() + " s", now), state.step());
    }

    private SagaState<D> compensated(SagaState<D> state, SagaStep<D> step) {
        log(step.name(), "compensated", null, null);
        return nextCompensation(state, state.step() - 1);
    }

    private SagaState<D> compensateFrom(SagaState<D> failing, int from) {
        return nextCompensation(failing, from);
    }

    /** Undoes the newest step at or before {@code from} that has something to undo; fails the saga when none is left. */
    private SagaState<D> nextCompensation(SagaState<D> state, int from) {
        for (int index = from; index >= 0; index--) {
            if (definition.steps().get(index).compensable()) {
                return undo(state, index, 1);
            }
        }
        deadline = null;
        if (definition.failureFunction() != null) {
            String id = state.sagaId() + ":saga:fail";
            commands.add(new Command(id, state.failedStep(), definition.failureFunction(),
                    definition.failureBody().of(state.data(), state.failedStep(), state.code(), state.reason())));
        }
        log(state.failedStep(), "saga-failed", null, state.code() + ": " + state.reason());
        return state.at(Status.FAILED, state.step(), state.attempt(), now);
    }

    private SagaState<D> issue(SagaState<D> state, int index, int attempt) {
        SagaStep<D> step = definition.steps().get(index);
        String id = state.sagaId() + ":" + step.name() + ":do:" + attempt;
        commands.add(new Command(id, step.name(), step.function(), step.body().apply(state.data())));
        deadline = new Deadline(Deadline.Kind.TIMEOUT, index, attempt, now.plus(step.timeout()));
        log(step.name(), "started", id, attempt == 1 ? null : "attempt " + attempt);
        return state.at(Status.RUNNING, index, attempt, now);
    }

    private SagaState<D> undo(SagaState<D> state, int index, int attempt) {
        SagaStep<D> step = definition.steps().get(index);
        String id = state.sagaId() + ":" + step.name() + ":undo:" + attempt;
        commands.add(new Command(id, step.name(), step.compensation(), step.body().apply(state.data())));
        deadline = new Deadline(Deadline.Kind.TIMEOUT, index, attempt, now.plus(step.timeout()));
        log(step.name(), "compensating", id, attempt == 1 ? null : "attempt " + attempt);
        return state.at(Status.COMPENSATING, index, attempt, now);
    }

    private void log(String step, String what, String commandId, String detail) {
        timeline.add(new Entry(step, what, commandId, detail, now));
    }
}
