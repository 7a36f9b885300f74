package io.tradecore.kernel.maintenance;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a replay has applied, per stream, and what it decides about the next event. Events come in commit order, so
 * a stream's come in version order; one already applied is skipped. Under a cap (an integrity check compares with
 * the live read model at the live checkpoints, so the replay must not run ahead of them), an event past its
 * stream's cap is deferred, and so is everything after it in that stream: order is kept, and the check applies the
 * deferred rest once the live checkpoints stand still.
 */
final class ReplayLedger {

    enum Decision { APPLY, SKIP, DEFER }

    /** The last version and position applied to one stream. */
    record Mark(long version, long position) {
    }

    private final Map<String, Mark> applied = new HashMap<>();
    private final Set<String> deferred = new HashSet<>();
    private final Map<String, Mark> unflushed = new LinkedHashMap<>();

    /** {@code cap}: the highest version this stream may reach now; null for no cap. */
    Decision decide(String streamId, long version, Long cap) {
        Mark mark = applied.get(streamId);
        if (mark != null && version <= mark.version()) {
            return Decision.SKIP;
        }
        if (deferred.contains(streamId) || (cap != null && version > cap)) {
            deferred.add(streamId);
            return Decision.DEFER;
        }
        return Decision.APPLY;
    }

    /** Records an event as applied; it is among the next {@link #drainUnflushed} checkpoints. */
    void applied(String streamId, long version, long position) {
        Mark mark = new Mark(version, position);
        applied.put(streamId, mark);
        unflushed.put(streamId, mark);
    }

    long version(String streamId) {
        Mark mark = applied.get(streamId);
        return mark == null ? 0 : mark.version();
    }

    /** The checkpoints changed since the last call, to be written with the rows they account for. */
    Map<String, Mark> drainUnflushed() {
        Map<String, Mark> changed = new LinkedHashMap<>(unflushed);
        unflushed.clear();
        return changed;
    }

    /** Forgets what a rolled-back transaction applied, and takes the checkpoints as the shadow table holds them. */
    void reset(Map<String, Mark> stored) {
        applied.clear();
        applied.putAll(stored);
        unflushed.clear();
        deferred.clear();
    }

    int deferredStreams() {
        return deferred.size();
    }
}
