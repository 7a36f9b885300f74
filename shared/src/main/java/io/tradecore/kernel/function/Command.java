package io.tradecore.kernel.function;

import io.tradecore.kernel.eventstore.EventEnvelope;
import java.util.function.Function;

/** The input of every command function: the typed command and its request context. */
public record Command<T>(T body, RequestContext context) {

    /**
     * A command a policy sends because of {@code cause}: the system acts on behalf of the user who caused it, in the
     * same conversation (correlation id), and the events it appends name {@code cause} as their causation.
     */
    public static <T> Command<T> causedBy(EventEnvelope<?> cause, T body) {
        var metadata = cause.metadata();
        var correlation = metadata.correlationId() != null ? metadata.correlationId() : cause.eventId();
        return new Command<>(body, new RequestContext(cause.eventId(), correlation, Actor.system(metadata.userId()),
                null, null, null, null));
    }

    public Actor actor() {
        return context.actor();
    }

    public <R> Command<R> map(Function<T, R> mapper) {
        return new Command<>(mapper.apply(body), context);
    }
}
