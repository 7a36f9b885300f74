package io.tradecore.brokerconnection.adapter;

import io.tradecore.contracts.broker.BrokerAccount;
import io.tradecore.contracts.broker.BrokerActivity;
import io.tradecore.contracts.broker.BrokerAdapter;
import io.tradecore.contracts.broker.BrokerCredentials;
import io.tradecore.contracts.broker.BrokerException;
import io.tradecore.contracts.broker.BrokerException.Code;
import io.tradecore.contracts.broker.BrokerOrder;
import io.tradecore.contracts.broker.BrokerPosition;
import io.tradecore.contracts.broker.OrderRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Trading through one Alpaca-style login: orders, positions, account and activities in TradeCore's terms. A submit
 * whose answer was lost is never simply sent again: the order is looked up by its client order id first, and only
 * sent again when the broker does not have it.
 */
final class AlpacaTrading implements BrokerAdapter {

    private final AlpacaHttp http;
    private final BrokerCalls calls;
    private final BrokerCredentials credentials;

    AlpacaTrading(AlpacaHttp http, BrokerCalls calls, BrokerCredentials credentials) {
        this.http = http;
        this.calls = calls;
        this.credentials = credentials;
    }

    @Override
    public String broker() {
        return AlpacaConnector.NAME;
    }

    @Override
    public BrokerOrder submitOrder(OrderRequest request) {
        BrokerException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            if (attempt > 1) {
                Optional<BrokerOrder> placed = findOrder(request.accountRef(), request.clientOrderId());
                if (placed.isPresent()) {
                    return placed.get();
                }
            }
            try {
                return order(calls.once(() -> http.post(credentials, "/v2/orders", body(request))));
            } catch (BrokerException e) {
                if (!e.isTransient()) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    @Override
    public Optional<BrokerOrder> findOrder(String accountRef, String clientOrderId) {
        try {
            return Optional.of(order(calls.safe(() -> http.get(credentials,
                    "/v2/orders:by_client_order_id?client_order_id=" + AlpacaHttp.query(clientOrderId)))));
        } catch (BrokerException e) {
            if (e.code() == Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public BrokerOrder cancelOrder(String accountRef, String brokerOrderId) {
        calls.safe(() -> http.delete(credentials, "/v2/orders/" + AlpacaHttp.query(brokerOrderId)));
        return order(calls.safe(() -> http.get(credentials, "/v2/orders/" + AlpacaHttp.query(brokerOrderId))));
    }

    @Override
    public BrokerAccount account(String accountRef) {
        JsonNode a = calls.safe(() -> http.get(credentials, "/v2/account"));
        return new BrokerAccount(AlpacaHttp.text(a, "account_number"), a.path("currency").asString("USD"),
                AlpacaHttp.decimal(a, "cash"), AlpacaHttp.decimal(a, "buying_power"), AlpacaHttp.decimal(a, "equity"),
                AlpacaHttp.text(a, "status"));
    }

    @Override
    public List<BrokerOrder> orders(String accountRef, Instant since) {
        return list(calls.safe(() -> http.get(credentials, "/v2/orders?status=all&after=" + since)), AlpacaTrading::order);
    }

    @Override
    public List<BrokerPosition> positions(String accountRef) {
        return list(calls.safe(() -> http.get(credentials, "/v2/positions")), p -> new BrokerPosition(
                AlpacaHttp.text(p, "symbol"), AlpacaHttp.decimal(p, "qty"), AlpacaHttp.decimal(p, "avg_entry_price"),
                AlpacaHttp.decimal(p, "current_price")));
    }

    @Override
    public List<BrokerActivity> activities(String accountRef, Instant since) {
        return list(calls.safe(() -> http.get(credentials, "/v2/account/activities?after=" + since)),
                a -> new BrokerActivity(AlpacaHttp.text(a, "id"), a.path("activity_type").asString("fill"),
                        a.path("order_id").asString(null), a.path("symbol").asString(null), a.path("side").asString(null),
                        AlpacaHttp.decimal(a, "qty"), AlpacaHttp.decimal(a, "price"), AlpacaHttp.decimal(a, "net_amount"),
                        instant(a, "transaction_time")));
    }

    private static <T> List<T> list(JsonNode answer, Function<JsonNode, T> each) {
        if (answer == null || !answer.isArray()) {
            throw new BrokerException(Code.MALFORMED, "the broker's answer is not a list");
        }
        List<T> items = new ArrayList<>();
        answer.forEach(node -> items.add(each.apply(node)));
        return items;
    }

    private static Map<String, Object> body(OrderRequest r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_order_id", r.clientOrderId());
        body.put("symbol", r.symbol());
        body.put("side", r.side());
        body.put("qty", r.quantity().toPlainString());
        body.put("type", r.type());
        body.put("time_in_force", r.timeInForce());
        if (r.limitPrice() != null) {
            body.put("limit_price", r.limitPrice().toPlainString());
        }
        if (r.stopPrice() != null) {
            body.put("stop_price", r.stopPrice().toPlainString());
        }
        if (r.trailAmount() != null) {
            body.put("trail_price", r.trailAmount().toPlainString());
        }
        if (r.trailPercent() != null) {
            body.put("trail_percent", r.trailPercent().toPlainString());
        }
        return body;
    }

    private static BrokerOrder order(JsonNode o) {
        return new BrokerOrder(AlpacaHttp.text(o, "id"), AlpacaHttp.text(o, "client_order_id"),
                AlpacaHttp.text(o, "symbol"), AlpacaHttp.text(o, "side"), AlpacaHttp.decimal(o, "qty"),
                AlpacaHttp.text(o, "type"), AlpacaHttp.decimal(o, "limit_price"), AlpacaHttp.decimal(o, "stop_price"),
                o.path("time_in_force").asString("day"), AlpacaHttp.text(o, "status"),
                AlpacaHttp.decimal(o, "filled_qty"), AlpacaHttp.decimal(o, "filled_avg_price"),
                instant(o, "submitted_at"), instant(o, "updated_at"));
    }

    private static Instant instant(JsonNode node, String field) {
        String value = node.path(field).asString(null);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BrokerException(Code.MALFORMED, "the broker's " + field + " is not a time");
        }
    }
}
