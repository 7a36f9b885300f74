package io.tradecore.brokerconnection.saga;

import io.tradecore.brokerconnection.domain.ConnectionEvent;
import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.saga.RetryPolicy;
import io.tradecore.kernel.saga.SagaDefinition;
import io.tradecore.kernel.saga.SagaReply;
import java.time.Duration;
import java.util.Optional;

/**
 * The broker-connection saga, read top to bottom as its steps. The saga id is the connection id. Accounts are not
 * opened by a step: broker_account opens them from {@code connection.completed}, so a saga that fails at any step
 * leaves no account behind.
 */
public final class ConnectionSaga {

    public static final String NAME = "broker-connection";

    public static final String VALIDATE = "validateCredentials";
    public static final String ESTABLISH = "establishConnection";
    public static final String FETCH = "fetchAccounts";
    public static final String FINALIZE = "finalize";

    public static final String STEP1 = "connectBrokerStep1ValidateCredentials";
    public static final String STEP2 = "connectBrokerStep2EstablishConnection";
    public static final String STEP3 = "connectBrokerStep3FetchAccounts";
    public static final String STEP4 = "connectBrokerStep4Finalize";
    public static final String CLEAN_UP = "connectBrokerCompensateCleanUpAdapter";
    public static final String DISCONNECT = "connectBrokerCompensateDisconnect";
    public static final String FAIL = "connectBrokerRecordFailure";

    /** What the saga carries: whose connection it is. */
    public record Data(String connectionId, String userId) {
    }

    /** The body of every step command: the connection; the step function reads the rest from its stream. */
    public record StepRequest(String connectionId) {
    }

    public record FailureRequest(String connectionId, String failedStep, String code, String reason) {
    }

    private ConnectionSaga() {
    }

    public static SagaDefinition<Data> definition(Duration timeout, RetryPolicy retry) {
        return SagaDefinition.of(NAME, Data.class, Data::userId)
                .step(VALIDATE, STEP1, ConnectionSaga::request, timeout, retry, CLEAN_UP)
                .step(ESTABLISH, STEP2, ConnectionSaga::request, timeout, retry, DISCONNECT)
                .step(FETCH, STEP3, ConnectionSaga::request, timeout, retry, null)
                .step(FINALIZE, STEP4, ConnectionSaga::request, timeout, retry, null)
                .onFailure(FAIL, (data, step, code, reason) -> new FailureRequest(data.connectionId(), step, code, reason))
                .replies(ConnectionSaga::reply)
                .build();
    }

    private static Object request(Data data) {
        return new StepRequest(data.connectionId());
    }

    /**
     * True for the events that answer a forward step (done or failed): recording one claims the step's timeout
     * ({@link io.tradecore.kernel.saga.SagaRuntime#claimAnswer}), so an answer that comes after the timeout fired is
     * refused instead of completing a connection that is being undone.
     */
    public static boolean answersStep(ConnectionEvent event) {
        return switch (event) {
            case ConnectionEvent.CredentialsValidated e -> true;
            case ConnectionEvent.SessionOpened e -> true;
            case ConnectionEvent.AccountsFetched e -> true;
            case ConnectionEvent.ConnectionCompleted e -> true;
            case ConnectionEvent.StepFailed e -> true;
            case ConnectionEvent.SessionClosed e -> false;
            case ConnectionEvent.AdapterCleanedUp e -> false;
            case ConnectionEvent.ConnectionRequested e -> false;
            case ConnectionEvent.ConnectionFailed e -> false;
            case ConnectionEvent.ConnectionDisconnected e -> false;
        };
    }

    /** The connection's events as answers to the saga's steps and compensations. */
    static Optional<SagaReply> reply(EventEnvelope<Object> event) {
        if (!(event.payload() instanceof ConnectionEvent connection)) {
            return Optional.empty();
        }
        String id = connection.connectionId().toString();
        return switch (connection) {
            case ConnectionEvent.CredentialsValidated e -> Optional.of(SagaReply.done(id, VALIDATE));
            case ConnectionEvent.SessionOpened e -> Optional.of(SagaReply.done(id, ESTABLISH));
            case ConnectionEvent.AccountsFetched e -> Optional.of(SagaReply.done(id, FETCH));
            case ConnectionEvent.ConnectionCompleted e -> Optional.of(SagaReply.done(id, FINALIZE));
            case ConnectionEvent.StepFailed e -> Optional.of(SagaReply.failed(id, e.step(), e.code(), e.reason(),
                    e.retryable()));
            case ConnectionEvent.SessionClosed e -> Optional.of(SagaReply.compensated(id, ESTABLISH));
            case ConnectionEvent.AdapterCleanedUp e -> Optional.of(SagaReply.compensated(id, VALIDATE));
            case ConnectionEvent.ConnectionRequested e -> Optional.empty();
            case ConnectionEvent.ConnectionFailed e -> Optional.empty();
            case ConnectionEvent.ConnectionDisconnected e -> Optional.empty();
        };
    }
}
