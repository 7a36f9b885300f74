package io.tradecore.datasync.sync;

/**
 * What data-sync reads of broker_account's {@code getAccountById} answer (through the QueryBus). The broker's own
 * account reference is not part of that answer; connected accounts are named {@code "{broker} {accountRef}"} when
 * they are opened, so the reference is read back from the name (see {@link #accountRef()}).
 */
public record SyncAccount(String accountId, String userId, String broker, String connectionId, String name,
                          String status) {

    public static final String VIRTUAL = "virtual";

    /** A real broker's account, reached through a connection: the only kind with a history to bring in. */
    public boolean isConnected() {
        return !VIRTUAL.equals(broker) && connectionId != null;
    }

    public boolean isOpen() {
        return "open".equals(status);
    }

    public String accountRef() {
        String prefix = broker + " ";
        return name != null && name.startsWith(prefix) ? name.substring(prefix.length()) : accountId;
    }
}
