package io.tradecore.kernel.testing;

import io.tradecore.kernel.domain.Decider;
import io.tradecore.kernel.domain.Rejection;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * given(events).when(command).then(events) over a decider, with no servers:
 * <pre>{@code
 * DeciderSpec.of(Users.DECIDER).given(registered).when(changeEmail).then(emailChanged);
 * DeciderSpec.of(Users.DECIDER).given().when(changeEmail).thenRejected("user-not-found");
 * }</pre>
 */
public final class DeciderSpec<C, S, E> {

    private final Decider<C, S, E> decider;
    private List<E> history = List.of();
    private C command;

    private DeciderSpec(Decider<C, S, E> decider) {
        this.decider = decider;
    }

    public static <C, S, E> DeciderSpec<C, S, E> of(Decider<C, S, E> decider) {
        return new DeciderSpec<>(decider);
    }

    @SafeVarargs
    public final DeciderSpec<C, S, E> given(E... events) {
        history = Arrays.asList(events);
        return this;
    }

    public DeciderSpec<C, S, E> when(C issued) {
        command = issued;
        return this;
    }

    @SafeVarargs
    public final void then(E... expected) {
        List<E> actual = decide();
        if (!actual.equals(List.of(expected))) {
            throw new AssertionError("expected events " + List.of(expected) + "\n but got " + actual);
        }
    }

    public void thenNothingHappens() {
        then();
    }

    public void thenRejected(String code) {
        try {
            List<E> actual = decide();
            throw new AssertionError("expected rejection '" + code + "' but got events " + actual);
        } catch (Rejection rejection) {
            if (!Objects.equals(rejection.code(), code)) {
                throw new AssertionError("expected rejection '" + code + "' but got '" + rejection.code() + "': "
                        + rejection.reason());
            }
        }
    }

    /** The state the given events lead to, for checks of {@code evolve}. */
    public S state() {
        return decider.fold(decider.initialState(), history);
    }

    private List<E> decide() {
        Objects.requireNonNull(command, "when(command) first");
        return decider.decide().apply(command, state());
    }
}
