package io.tradecore.brokerconnection.readmodel;

import io.tradecore.brokerconnection.domain.ConnectionEvent;
import io.tradecore.brokerconnection.domain.ConnectionEvent.AccountsFetched;
import io.tradecore.brokerconnection.domain.ConnectionEvent.AdapterCleanedUp;
import io.tradecore.brokerconnection.domain.ConnectionEvent.ConnectionCompleted;
import io.tradecore.brokerconnection.domain.ConnectionEvent.ConnectionDisconnected;
import io.tradecore.brokerconnection.domain.ConnectionEvent.ConnectionFailed;
import io.tradecore.brokerconnection.domain.ConnectionEvent.ConnectionRequested;
import io.tradecore.brokerconnection.domain.ConnectionEvent.CredentialsValidated;
import io.tradecore.brokerconnection.domain.ConnectionEvent.SessionClosed;
import io.tradecore.brokerconnection.domain.ConnectionEvent.SessionOpened;
import io.tradecore.brokerconnection.domain.ConnectionEvent.StepFailed;
import io.tradecore.brokerconnection.domain.DiscoveredAccount;
import io.tradecore.kernel.cache.ReadModelCache;
import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.projection.Projection;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Keeps {@code connections} in step with the connection streams; drops cached statuses once changes commit. */
public final class ConnectionProjection implements Projection<ConnectionEvent> {

    private final JdbcClient jdbc;
    private final ReadModelCache cache;
    private final JsonMapper json;

    public ConnectionProjection(JdbcClient jdbc, ReadModelCache cache, JsonMapper json) {
        this.jdbc = jdbc;
        this.cache = cache;
        this.json = json;
    }

    public static String cacheKey(String connectionId) {
        return "connection:" + connectionId + ":status";
    }

    @Override
    public String name() {
        return "connections";
    }

    @Override
    public List<String> tables() {
        return List.of("connections");
    }

    @Override
    public Class<ConnectionEvent> eventType() {
        return ConnectionEvent.class;
    }

    @Override
    public void apply(EventEnvelope<ConnectionEvent> event) {
        Timestamp at = Timestamp.from(event.occurredAt());
        long version = event.version();
        switch (event.payload()) {
            case ConnectionRequested e -> jdbc.sql("""
                            INSERT INTO connections (connection_id, user_id, broker, status, stage, requested_at,
                                                     updated_at, version)
                            VALUES (:id, :user, :broker, 'pending', 'validating-credentials', :at, :at, :version)""")
                    .param("id", e.connectionId().value()).param("user", e.userId()).param("broker", e.broker())
                    .param("at", at).param("version", version).update();
            case CredentialsValidated e -> stage(e, "establishing-connection", at, version);
            case SessionOpened e -> stage(e, "fetching-accounts", at, version);
            case AccountsFetched e -> stage(e, "finalizing", at, version);
            case ConnectionCompleted e -> jdbc.sql("""
                            UPDATE connections SET status = 'active', stage = 'connected',
                                   accounts = CAST(:accounts AS jsonb), updated_at = :at, version = :version
                            WHERE connection_id = :id""")
                    .param("accounts", json.writeValueAsString(refs(e.accounts()))).param("at", at)
                    .param("version", version).param("id", e.connectionId().value()).update();
            case StepFailed e -> stage(e, e.retryable() ? "retrying" : "compensating", at, version);
            case SessionClosed e -> stage(e, "compensating", at, version);
            case AdapterCleanedUp e -> stage(e, "compensating", at, version);
            case ConnectionFailed e -> jdbc.sql("""
                            UPDATE connections SET status = 'failed', stage = 'failed', failed_step = :step,
                                   failure_code = :code, failure_reason = :reason, updated_at = :at, version = :version
                            WHERE connection_id = :id""")
                    .param("step", e.failedStep()).param("code", e.code()).param("reason", e.reason())
                    .param("at", at).param("version", version).param("id", e.connectionId().value()).update();
            case ConnectionDisconnected e -> jdbc.sql("""
                            UPDATE connections SET status = 'disconnected', stage = 'disconnected', updated_at = :at,
                                   version = :version WHERE connection_id = :id""")
                    .param("at", at).param("version", version).param("id", e.connectionId().value()).update();
        }
    }

    @Override
    public void afterCommit(List<EventEnvelope<ConnectionEvent>> applied) {
        cache.evict(applied.stream().map(e -> cacheKey(e.payload().connectionId().toString())).distinct().toList());
    }

    private void stage(ConnectionEvent e, String stage, Timestamp at, long version) {
        jdbc.sql("UPDATE connections SET stage = :stage, updated_at = :at, version = :version WHERE connection_id = :id")
                .param("stage", stage).param("at", at).param("version", version)
                .param("id", e.connectionId().value()).update();
    }

    private static List<String> refs(List<DiscoveredAccount> accounts) {
        return accounts.stream().map(DiscoveredAccount::accountRef).toList();
    }
}
