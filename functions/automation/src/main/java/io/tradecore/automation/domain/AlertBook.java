package io.tradecore.automation.domain;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A symbol's alerts and the last tick the book recorded ({@code lastPrice} at {@code lastSequence}; null and 0
 * before any). Alerts are kept by id in id order (UUIDv7: creation order), so one tick's events come out in the
 * same order every time; ended alerts stay, so a late change to one is answered {@code alert-ended}.
 */
public record AlertBook(Price lastPrice, long lastSequence, Map<String, Alert> alerts) {

    public static final AlertBook EMPTY = new AlertBook(null, 0, Map.of());

    public AlertBook {
        alerts = Collections.unmodifiableMap(new TreeMap<>(alerts));
    }

    public Alert alert(AlertId id) {
        return alerts.get(id.toString());
    }

    List<Alert> live() {
        return alerts.values().stream().filter(alert -> alert.status().isLive()).toList();
    }

    boolean watching() {
        return alerts.values().stream().anyMatch(alert -> alert.status().isLive());
    }

    AlertBook with(Alert alert) {
        Map<String, Alert> changed = new TreeMap<>(alerts);
        changed.put(alert.id().toString(), alert);
        return new AlertBook(lastPrice, lastSequence, changed);
    }

    AlertBook at(Price price, long sequence) {
        return new AlertBook(price, sequence, alerts);
    }
}
