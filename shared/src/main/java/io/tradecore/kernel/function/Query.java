package io.tradecore.kernel.function;

/** The input of every query function: the typed parameters and the request context. */
public record Query<T>(T params, RequestContext context) {

    public Actor actor() {
        return context.actor();
    }
}
