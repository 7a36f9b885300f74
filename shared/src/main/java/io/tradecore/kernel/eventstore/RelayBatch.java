package io.tradecore.kernel.eventstore;

import java.util.List;

/**
 * Events that are safe to publish, in commit order, with the point to continue from. {@code lastXid} is the
 * writing transaction of the last event, as text (PostgreSQL {@code xid8}).
 */
public record RelayBatch(List<StoredEvent> events, String lastXid, long lastPosition) {

    public boolean isEmpty() {
        return events.isEmpty();
    }
}
