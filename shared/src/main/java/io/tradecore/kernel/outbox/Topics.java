package io.tradecore.kernel.outbox;

/** Topic names from the architecture, behind one optional prefix (tests isolate themselves by prefix). */
public record Topics(String prefix) {

    public Topics {
        prefix = prefix == null ? "" : prefix;
    }

    public String eventstore(String domain) {
        return prefix + "eventstore." + domain;
    }

    public String transport(String domain) {
        return prefix + "transport." + domain;
    }
}
