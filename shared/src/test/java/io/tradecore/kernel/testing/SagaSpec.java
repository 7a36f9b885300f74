package io.tradecore.kernel.testing;

import io.tradecore.kernel.saga.SagaDecider;
import io.tradecore.kernel.saga.SagaDefinition;
import io.tradecore.kernel.saga.SagaInput;
import io.tradecore.kernel.saga.SagaReply;
import io.tradecore.kernel.saga.SagaState;
import io.tradecore.kernel.saga.SagaTransition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * given(inputs).when(input).then(commands, state) over a saga definition, with no servers and a clock the test
 * moves. Timeouts fire with {@link #whenDue()}: the clock moves to the saga's current due time and the due time
 * comes in as an input, as the scheduled job would bring it.
 * <pre>{@code
 * SagaSpec.of(definition).given(start, done("validateCredentials"))
 *     .when(failed("establishConnection", "broker-unavailable"))
 *     .thenSends("compensateDisconnect").thenStatus(Status.COMPENSATING, "establishConnection");
 * }</pre>
 */
public final class SagaSpec<D> {

    private final SagaDefinition<D> definition;
    private final TestClock clock = new TestClock(Instant.parse("2026-01-05T10:00:00Z"));
    private String sagaId;
    private SagaState<D> state;
    private SagaState.Deadline deadline;
    private SagaTransition<D> last;

    private SagaSpec(SagaDefinition<D> definition) {
        this.definition = definition;
    }

    public static <D> SagaSpec<D> of(SagaDefinition<D> definition) {
        return new SagaSpec<>(definition);
    }

    public TestClock clock() {
        return clock;
    }

    public static SagaInput start(String sagaId, Object data) {
        return new SagaInput.Start<>(sagaId, data);
    }

    public SagaInput done(String step) {
        return new SagaInput.Reply(SagaReply.done(sagaId, step));
    }

    public SagaInput failed(String step, String code, boolean retryable) {
        return new SagaInput.Reply(SagaReply.failed(sagaId, step, code, code + " (test)", retryable));
    }

    public SagaInput compensated(String step) {
        return new SagaInput.Reply(SagaReply.compensated(sagaId, step));
    }

    /** Starts the saga, then applies each input in order (each must be applied with the state it finds). */
    public SagaSpec<D> given(String id, D data, SagaInput... inputs) {
        sagaId = id;
        apply(start(id, data));
        for (SagaInput input : inputs) {
            apply(input instanceof SagaInput.Reply r ? rebind(r) : input);
        }
        return this;
    }

    /** The step inputs of a test written before the saga id was known get it here. */
    private SagaInput rebind(SagaInput.Reply reply) {
        SagaReply r = reply.reply();
        return new SagaInput.Reply(new SagaReply(sagaId, r.step(), r.kind(), r.code(), r.reason(), r.retryable()));
    }

    public SagaSpec<D> when(SagaInput input) {
        apply(input instanceof SagaInput.Reply r ? rebind(r) : input);
        return this;
    }

    /** The saga's current due time comes (the clock moves to it first). */
    public SagaSpec<D> whenDue() {
        Objects.requireNonNull(deadline, "the saga has no due time");
        clock.set(deadline.dueAt());
        return when(new SagaInput.Due(deadline));
    }

    /** Moves the clock without firing anything. */
    public SagaSpec<D> after(Duration elapsed) {
        clock.advance(elapsed);
        return this;
    }

    public SagaSpec<D> thenSends(String... functions) {
        List<String> sent = last.commands().stream().map(SagaTransition.Command::function).toList();
        if (!sent.equals(List.of(functions))) {
            throw new AssertionError("expected commands to " + List.of(functions) + "\n but got " + sent);
        }
        return this;
    }

    public SagaSpec<D> thenNothingChanges() {
        if (last.changed()) {
            throw new AssertionError("expected no change but got " + last);
        }
        return this;
    }

    public SagaSpec<D> thenStatus(SagaState.Status status, String step) {
        String current = definition.steps().get(state.step()).name();
        if (state.status() != status || !current.equals(step)) {
            throw new AssertionError("expected " + status + " at " + step + " but the saga is " + state.status()
                    + " at " + current);
        }
        return this;
    }

    public SagaSpec<D> thenFailedAt(String step, String code) {
        if (state.status() != SagaState.Status.FAILED || !step.equals(state.failedStep()) || !code.equals(state.code())) {
            throw new AssertionError("expected FAILED at " + step + " with " + code + " but got " + state);
        }
        return this;
    }

    public SagaSpec<D> thenDueIn(Duration duration) {
        Duration actual = deadline == null ? null : Duration.between(clock.instant(), deadline.dueAt());
        if (!duration.equals(actual)) {
            throw new AssertionError("expected a due time in " + duration + " but it is in " + actual);
        }
        return this;
    }

    public SagaTransition<D> transition() {
        return last;
    }

    public SagaState<D> state() {
        return state;
    }

    private void apply(SagaInput input) {
        last = state == null
                ? SagaDecider.start(definition, (SagaInput.Start<?>) input, clock.instant())
                : SagaDecider.decide(definition, state, input, clock.instant());
        if (last.changed()) {
            state = last.state();
            deadline = last.deadline();
        }
    }
}
