package io.tradecore.kernel.projection;

import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.eventstore.ForeignEvents;
import java.util.List;

/**
 * A read model fed by events. {@link #apply} runs inside the runtime's transaction, together with the
 * checkpoint, and sees each stream's events once and in order; {@link #afterCommit} runs once they are durable
 * (cache invalidation, live pushes).
 *
 * @param <E> the event type this projection reads; other events on its topics are passed over
 */
public interface Projection<E> {

    /** The checkpoint name: stable, and unique among projections. */
    String name();

    Class<E> eventType();

    /**
     * How this projection reads its events: null (the default) decodes them with the registries of the modules on
     * the classpath, a view reads another domain's events through the consumer's own records.
     */
    default ForeignEvents<E> foreignEvents() {
        return null;
    }

    /**
     * Which of the events registered on the classpath this projection reads natively (not through its view): by
     * default its {@link #eventType()}. A projection typed {@code Object}, reading its own domain's events beside a
     * view's, narrows it to its own sealed interface, so that other domains' events on its topics are not bound.
     */
    default Class<?> ownEvents() {
        return eventType();
    }

    /**
     * The read-model tables this projection owns: it alone writes them, they hold nothing but what its events made,
     * and a rebuild replaces them whole (see {@code io.tradecore.kernel.maintenance}). Empty (the default): the
     * projection cannot be rebuilt or checked. Its {@link #apply} must name them unqualified, so that a rebuild can
     * run it against shadow copies by search path.
     */
    default List<String> tables() {
        return List.of();
    }

    void apply(EventEnvelope<E> event);

    /**
     * Applies the events of one batch, in commit order (so in version order per stream), in one transaction: a
     * rebuild's replay hands over its batches this way. The default applies them one by one; a projection may write
     * them set-based instead (one statement per table), as long as its rows come out exactly as {@link #apply} of
     * each event in turn would leave them.
     */
    default void applyBatch(List<EventEnvelope<E>> events) {
        events.forEach(this::apply);
    }

    /**
     * After a rebuild swapped its tables in: drops at once whatever was cached from the replaced rows (a namespace
     * eviction) and returns true. False, the default: the rebuild calls {@link #afterCommit} with the newest event of
     * every stream instead.
     */
    default boolean evictAllCached() {
        return false;
    }

    default void afterCommit(List<EventEnvelope<E>> applied) {
    }
}
