package io.tradecore.brokerconnection.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.tradecore.contracts.broker.BrokerCredentials;
import io.tradecore.contracts.broker.BrokerException;
import io.tradecore.contracts.broker.BrokerException.Code;
import io.tradecore.contracts.broker.OrderRequest;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The Alpaca-style adapter against a stub brokerage on loopback: every answer a real one gives, translated. */
class AlpacaAdapterTest {

    private final StubBroker stub = new StubBroker();
    private final ResilienceSettings settings = new ResilienceSettings(Duration.ofMillis(500), 3, Duration.ofMillis(20),
            Duration.ofSeconds(2), 50f, 10, Duration.ofSeconds(30), 1000, 20);
    private final BrokerCalls calls = new BrokerCalls("alpaca-test", settings, BrokerCalls.Registries.standalone());
    private final AlpacaConnector alpaca = new AlpacaConnector(stub.baseUrl(), JsonMapper.builder().build(), calls);

    @AfterEach
    void stop() {
        stub.close();
    }

    private static BrokerCredentials login(String keyId) {
        return new BrokerCredentials(keyId, "secret-of-" + keyId);
    }

    @Test
    void a_healthy_login_validates_opens_a_session_and_lists_its_accounts_with_the_key_in_headers() {
        alpaca.validateCredentials(login("ok"));
        String session = alpaca.openSession(login("ok"));
        var accounts = alpaca.listAccounts(login("ok"), session);
        assertThat(session).isEqualTo("session-ok");
        assertThat(accounts).extracting(a -> a.accountRef()).containsExactly("ok-1", "ok-2");
        assertThat(accounts.getFirst().cash()).isEqualByComparingTo("100.00");
        assertThat(stub.secretSeenFor("ok")).isEqualTo("secret-of-ok");
    }

    @Test
    void refused_credentials_are_unauthenticated_or_forbidden_and_not_retried() {
        assertThatThrownBy(() -> alpaca.validateCredentials(login("validate-401")))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.code()).isEqualTo(Code.UNAUTHENTICATED));
        assertThatThrownBy(() -> alpaca.validateCredentials(login("validate-403")))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.code()).isEqualTo(Code.FORBIDDEN));
        assertThat(stub.count("GET", "/v2/account", "validate-401")).isEqualTo(1);
    }

    @Test
    void a_429_is_retried_after_the_brokers_retry_after() {
        long started = System.nanoTime();
        alpaca.validateCredentials(login("limited"));
        assertThat(stub.count("GET", "/v2/account", "limited")).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void server_errors_are_retried_with_backoff_where_the_call_is_safe() {
        alpaca.validateCredentials(login("flaky"));
        assertThat(stub.count("GET", "/v2/account", "flaky")).isEqualTo(3);
    }

    @Test
    void opening_a_session_is_not_repeated_blindly_after_a_server_error() {
        assertThatThrownBy(() -> alpaca.openSession(login("establish-500")))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.code()).isEqualTo(Code.UNAVAILABLE));
        assertThat(stub.count("POST", "/v2/sessions", "establish-500")).isEqualTo(1);
    }

    @Test
    void a_broker_that_does_not_answer_in_time_is_unavailable() {
        assertThatThrownBy(() -> alpaca.validateCredentials(login("slow")))
                .isInstanceOfSatisfying(BrokerException.class, e -> {
                    assertThat(e.code()).isEqualTo(Code.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("in time");
                });
    }

    @Test
    void a_malformed_body_is_reported_as_malformed() {
        assertThatThrownBy(() -> alpaca.listAccounts(login("fetch-malformed"), "s"))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.code()).isEqualTo(Code.MALFORMED));
    }

    @Test
    void a_submit_whose_answer_was_lost_is_looked_up_by_client_order_id_and_not_sent_twice() {
        var trading = alpaca.adapter(login("submit-lost"));
        var order = trading.submitOrder(new OrderRequest("acc", "client-1", "AAPL", "buy", BigDecimal.ONE, "market",
                null, null, null, null, "day"));
        assertThat(order.clientOrderId()).isEqualTo("client-1");
        assertThat(order.brokerOrderId()).isEqualTo("b-client-1");
        assertThat(stub.count("POST", "/v2/orders", "submit-lost")).isEqualTo(1);
    }

    @Test
    void positions_are_read_in_tradecore_terms() {
        var positions = alpaca.adapter(login("ok")).positions("acc");
        assertThat(positions).singleElement().satisfies(p -> {
            assertThat(p.symbol()).isEqualTo("AAPL");
            assertThat(p.quantity()).isEqualByComparingTo("10");
            assertThat(p.averageEntryPrice()).isEqualByComparingTo("150.25");
        });
    }

    @Test
    void a_broker_that_keeps_failing_opens_the_circuit_and_is_not_called_while_it_is_open() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> alpaca.openSession(login("establish-500"))).isInstanceOf(BrokerException.class);
        }
        assertThat(calls.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        long before = stub.calls().size();
        assertThatThrownBy(() -> alpaca.validateCredentials(login("ok")))
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.getMessage()).contains("circuit open"));
        assertThat(stub.calls()).hasSize((int) before);
    }

    @Test
    void refused_logins_do_not_open_the_circuit() {
        for (int i = 0; i < 12; i++) {
            assertThatThrownBy(() -> alpaca.validateCredentials(login("validate-401"))).isInstanceOf(BrokerException.class);
        }
        assertThat(calls.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
