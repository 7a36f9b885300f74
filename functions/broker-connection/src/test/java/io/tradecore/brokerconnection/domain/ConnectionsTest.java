package io.tradecore.brokerconnection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.brokerconnection.domain.ConnectionCommand.Complete;
import io.tradecore.brokerconnection.domain.ConnectionCommand.Disconnect;
import io.tradecore.brokerconnection.domain.ConnectionCommand.Fail;
import io.tradecore.brokerconnection.domain.ConnectionCommand.RecordAccounts;
import io.tradecore.brokerconnection.domain.ConnectionCommand.RecordCredentialsValid;
import io.tradecore.brokerconnection.domain.ConnectionCommand.RecordSessionClosed;
import io.tradecore.brokerconnection.domain.ConnectionCommand.RequestConnection;
import io.tradecore.brokerconnection.domain.ConnectionEvent.AccountsFetched;
import io.tradecore.brokerconnection.domain.ConnectionEvent.ConnectionCompleted;
import io.tradecore.brokerconnection.domain.ConnectionEvent.ConnectionDisconnected;
import io.tradecore.brokerconnection.domain.ConnectionEvent.ConnectionFailed;
import io.tradecore.brokerconnection.domain.ConnectionEvent.ConnectionRequested;
import io.tradecore.brokerconnection.domain.ConnectionEvent.CredentialsValidated;
import io.tradecore.brokerconnection.domain.ConnectionEvent.SessionClosed;
import io.tradecore.brokerconnection.domain.ConnectionEvent.SessionOpened;
import io.tradecore.brokerconnection.domain.ConnectionEvent.StepFailed;
import io.tradecore.kernel.testing.DeciderSpec;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The connection's rules, given/when/then. */
class ConnectionsTest {

    private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");
    private final ConnectionId id = new ConnectionId(UUID.randomUUID());
    private final List<DiscoveredAccount> accounts = List.of(new DiscoveredAccount("A-1", "USD"));
    private final ConnectionRequested requested = new ConnectionRequested(id, "u-1", "alpaca", "ref-1", AT);
    private final CredentialsValidated validated = new CredentialsValidated(id, "u-1", AT);
    private final SessionOpened opened = new SessionOpened(id, "u-1", "s-1", AT);
    private final AccountsFetched fetched = new AccountsFetched(id, "u-1", accounts, AT);

    private DeciderSpec<ConnectionCommand, ConnectionState, ConnectionEvent> spec() {
        return DeciderSpec.of(Connections.DECIDER);
    }

    @Test
    void a_request_records_only_a_reference_to_the_credentials() {
        spec().given().when(new RequestConnection(id, "u-1", "alpaca", "ref-1", AT)).then(requested);
    }

    @Test
    void a_connection_is_requested_once() {
        spec().given(requested).when(new RequestConnection(id, "u-1", "alpaca", "ref-2", AT))
                .thenRejected("connection-exists");
    }

    @Test
    void the_steps_outcomes_are_recorded_once_however_often_they_arrive() {
        spec().given(requested).when(new RecordCredentialsValid(id, AT)).then(validated);
        spec().given(requested, validated).when(new RecordCredentialsValid(id, AT)).thenNothingHappens();
        spec().given(requested, validated, opened).when(new RecordAccounts(id, accounts, AT)).then(fetched);
    }

    @Test
    void a_connection_with_session_and_accounts_completes_with_its_accounts() {
        spec().given(requested, validated, opened, fetched).when(new Complete(id, AT))
                .then(new ConnectionCompleted(id, "u-1", "alpaca", accounts, AT));
    }

    @Test
    void a_connection_being_compensated_cannot_complete_even_if_finalize_answers_late() {
        spec().given(requested, validated, opened, fetched, new SessionClosed(id, "u-1", AT))
                .when(new Complete(id, AT)).thenNothingHappens();
        spec().given(requested, validated, opened, fetched,
                        new StepFailed(id, "u-1", "finalize", "broker-forbidden", "no", false, AT))
                .when(new Complete(id, AT)).thenNothingHappens();
    }

    @Test
    void a_retryable_step_failure_does_not_stop_the_step_from_succeeding_later() {
        spec().given(requested, new StepFailed(id, "u-1", "validateCredentials", "broker-unavailable", "503", true, AT))
                .when(new RecordCredentialsValid(id, AT)).then(validated);
    }

    @Test
    void a_compensated_connection_fails_with_the_step_and_reason_and_answers_nothing_after() {
        spec().given(requested, validated).when(new Fail(id, "establishConnection", "broker-unavailable", "down", AT))
                .then(new ConnectionFailed(id, "u-1", "establishConnection", "broker-unavailable", "down", AT));
        var failed = new ConnectionFailed(id, "u-1", "establishConnection", "broker-unavailable", "down", AT);
        spec().given(requested, failed).when(new RecordSessionClosed(id, AT)).thenNothingHappens();
        spec().given(requested, failed).when(new RecordAccounts(id, accounts, AT)).thenNothingHappens();
    }

    @Test
    void only_an_active_connection_can_be_disconnected() {
        var completed = new ConnectionCompleted(id, "u-1", "alpaca", accounts, AT);
        spec().given(requested, validated, opened, fetched, completed).when(new Disconnect(id, AT))
                .then(new ConnectionDisconnected(id, "u-1", AT));
        spec().given(requested).when(new Disconnect(id, AT)).thenRejected("connection-not-active");
        spec().given().when(new Disconnect(id, AT)).thenRejected("connection-not-found");
    }

    @Test
    void credentials_never_show_their_secret_when_printed() {
        assertThat(new Credentials("key", "s3cr3t-value").toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void every_event_has_a_stored_name() {
        assertThat(Connections.EVENTS.domain()).isEqualTo("broker_connection");
    }
}
