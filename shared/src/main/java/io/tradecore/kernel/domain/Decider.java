package io.tradecore.kernel.domain;

import java.util.List;
import java.util.function.BiFunction;

/**
 * An aggregate as three pure functions: what an empty stream means, which events a command produces
 * given the current state, and how an event changes the state. An empty list from {@code decide} means
 * "nothing to do"; a refusal is a thrown {@link Rejection}.
 *
 * @param <C> the aggregate's command type
 * @param <S> its state
 * @param <E> its event type (a sealed interface of records)
 */
public record Decider<C, S, E>(
        BiFunction<C, S, List<E>> decide,
        BiFunction<S, E, S> evolve,
        S initialState) {

    public S fold(S state, List<? extends E> events) {
        S current = state;
        for (E event : events) {
            current = evolve.apply(current, event);
        }
        return current;
    }
}
