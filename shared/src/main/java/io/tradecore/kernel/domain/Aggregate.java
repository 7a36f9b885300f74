package io.tradecore.kernel.domain;

import java.util.Objects;

/**
 * Everything the kernel needs to load and change one kind of aggregate: its stream type (the domain, which
 * also names its topics), its decider, the stored names of its events, its state type and how often to
 * snapshot. {@code snapshotSchema} is bumped when the state's shape changes, so older snapshots are ignored.
 */
public record Aggregate<C, S, E>(
        String streamType,
        Decider<C, S, E> decider,
        EventTypes<E> events,
        Class<S> stateType,
        int snapshotEvery,
        int snapshotSchema) {

    public Aggregate {
        Objects.requireNonNull(streamType, "streamType");
        Objects.requireNonNull(decider, "decider");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(stateType, "stateType");
        if (snapshotEvery < 0) {
            throw new IllegalArgumentException("snapshotEvery must be 0 (never) or more");
        }
    }

    public static <C, S, E> Aggregate<C, S, E> of(Decider<C, S, E> decider, EventTypes<E> events, Class<S> stateType) {
        return new Aggregate<>(events.domain(), decider, events, stateType, 100, 1);
    }

    public Aggregate<C, S, E> snapshotEvery(int events, int schema) {
        return new Aggregate<>(streamType, decider, this.events, stateType, events, schema);
    }
}
