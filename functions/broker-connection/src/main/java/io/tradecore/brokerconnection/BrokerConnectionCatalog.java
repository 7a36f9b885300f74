package io.tradecore.brokerconnection;

import static io.tradecore.kernel.catalog.CatalogEntry.command;
import static io.tradecore.kernel.catalog.CatalogEntry.job;
import static io.tradecore.kernel.catalog.CatalogEntry.policy;
import static io.tradecore.kernel.catalog.CatalogEntry.projector;
import static io.tradecore.kernel.catalog.CatalogEntry.query;
import static io.tradecore.kernel.catalog.CatalogEntry.sagaStep;

import io.tradecore.brokerconnection.domain.Connections;
import io.tradecore.brokerconnection.saga.ConnectionSaga;
import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.catalog.CatalogModule;
import java.util.List;

/** broker_connection's functions and their triggers. */
public final class BrokerConnectionCatalog implements CatalogModule {

    private static final String CONNECTIONS = "connections";
    private static final String BUS = "transport." + Connections.DOMAIN;
    private static final String SAGA = "saga." + ConnectionSaga.NAME;

    @Override
    public String domain() {
        return Connections.DOMAIN;
    }

    @Override
    public List<CatalogEntry> functions() {
        return List.of(
                command("connectBroker", "POST", "/api/connections/connect"),
                command("disconnectBroker", "POST", "/api/connections/{connectionId}/disconnect"),
                query("getConnectionStatus", "/api/connections/{connectionId}", CONNECTIONS),
                query("listConnections", "/api/connections", CONNECTIONS),
                query("getConnectionSaga", "/api/connections/{connectionId}/saga", null),
                projector("projectConnections", BUS),
                sagaStep("orchestrateBrokerConnection", BUS),
                sagaStep(ConnectionSaga.STEP1, SAGA),
                sagaStep(ConnectionSaga.STEP2, SAGA),
                sagaStep(ConnectionSaga.STEP3, SAGA),
                sagaStep(ConnectionSaga.STEP4, SAGA),
                sagaStep(ConnectionSaga.DISCONNECT, SAGA),
                sagaStep(ConnectionSaga.CLEAN_UP, SAGA),
                sagaStep(ConnectionSaga.FAIL, SAGA),
                policy("shredDeletedUsersCredentials", "transport.user_account"),
                job("fireBrokerConnectionTimeouts", "rate(1 minute)"),
                job("relayBrokerConnectionCommands", "rate(1 minute)"));
    }
}
