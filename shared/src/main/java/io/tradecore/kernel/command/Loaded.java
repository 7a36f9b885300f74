package io.tradecore.kernel.command;

/** An aggregate as rehydrated: its state at {@code version} (0 for a stream with no events). */
public record Loaded<S>(String streamId, long version, S state) {

    public boolean isNew() {
        return version == 0;
    }
}
