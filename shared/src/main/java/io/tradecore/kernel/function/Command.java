package io.tradecore.kernel.function;

import java.util.function.Function;

/** The input of every command function: the typed command and its request context. */
public record Command<T>(T body, RequestContext context) {

    public Actor actor() {
        return context.actor();
    }

    public <R> Command<R> map(Function<T, R> mapper) {
        return new Command<>(mapper.apply(body), context);
    }
}
