package io.tradecore.brokerconnection.adapter;

import io.tradecore.contracts.broker.BrokerAccount;
import io.tradecore.contracts.broker.BrokerAdapter;
import io.tradecore.contracts.broker.BrokerConnector;
import io.tradecore.contracts.broker.BrokerCredentials;
import io.tradecore.contracts.broker.BrokerException;
import io.tradecore.contracts.broker.BrokerException.Code;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Connecting to an Alpaca-style brokerage: {@code GET /v2/account} checks the credentials, {@code POST /v2/sessions}
 * opens a session, {@code GET /v2/sessions/{id}/accounts} lists its accounts, {@code POST /v2/sessions/{id}/activate}
 * activates it, {@code DELETE /v2/sessions/{id}} closes it. All but opening are safe to repeat and retried; opening
 * a second session after a lost answer would leave one dangling, so it is tried once (the saga retries the step).
 */
public final class AlpacaConnector implements BrokerConnector {

    public static final String NAME = "alpaca";

    private final AlpacaHttp http;
    private final BrokerCalls calls;

    public AlpacaConnector(URI baseUrl, JsonMapper json, BrokerCalls calls) {
        this.http = new AlpacaHttp(baseUrl, json, Duration.ofSeconds(5));
        this.calls = calls;
    }

    @Override
    public String broker() {
        return NAME;
    }

    public BrokerCalls calls() {
        return calls;
    }

    @Override
    public void validateCredentials(BrokerCredentials credentials) {
        JsonNode account = calls.safe(() -> http.get(credentials, "/v2/account"));
        String status = AlpacaHttp.text(account, "status");
        if (!"ACTIVE".equalsIgnoreCase(status)) {
            throw new BrokerException(Code.FORBIDDEN, "the brokerage account is not active (" + status + ")");
        }
    }

    @Override
    public String openSession(BrokerCredentials credentials) {
        return AlpacaHttp.text(calls.once(() -> http.post(credentials, "/v2/sessions", Map.of())), "id");
    }

    @Override
    public List<BrokerAccount> listAccounts(BrokerCredentials credentials, String session) {
        JsonNode answer = calls.safe(() -> http.get(credentials, "/v2/sessions/" + AlpacaHttp.query(session) + "/accounts"));
        if (answer == null || !answer.isArray()) {
            throw new BrokerException(Code.MALFORMED, "the broker's account list is not a list");
        }
        List<BrokerAccount> accounts = new ArrayList<>();
        for (JsonNode account : answer) {
            accounts.add(new BrokerAccount(AlpacaHttp.text(account, "account_number"),
                    account.path("currency").asString("USD"), AlpacaHttp.decimal(account, "cash"),
                    AlpacaHttp.decimal(account, "buying_power"), AlpacaHttp.decimal(account, "equity"),
                    account.path("status").asString("ACTIVE")));
        }
        return accounts;
    }

    @Override
    public void activateSession(BrokerCredentials credentials, String session) {
        calls.safe(() -> http.post(credentials, "/v2/sessions/" + AlpacaHttp.query(session) + "/activate", Map.of()));
    }

    @Override
    public void closeSession(BrokerCredentials credentials, String session) {
        try {
            calls.safe(() -> http.delete(credentials, "/v2/sessions/" + AlpacaHttp.query(session)));
        } catch (BrokerException e) {
            if (e.code() != Code.NOT_FOUND) {
                throw e;
            }
        }
    }

    @Override
    public BrokerAdapter adapter(BrokerCredentials credentials) {
        return new AlpacaTrading(http, calls, credentials);
    }
}
