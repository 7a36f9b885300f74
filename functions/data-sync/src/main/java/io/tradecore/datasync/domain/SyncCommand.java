package io.tradecore.datasync.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.Texts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What can be asked of an account's sync stream. Each command names the account it is about. */
public sealed interface SyncCommand {

    String accountId();

    default String streamId() {
        return AccountSyncs.streamId(accountId());
    }

    record RequestSync(String accountId, String userId, String requestId, Instant since, String trigger, Instant at)
            implements SyncCommand {
        public RequestSync {
            accountId = accountIdOf(accountId);
            Texts.required(userId, "userId");
            Texts.required(requestId, "requestId");
            Texts.present(at, "at");
            if (since != null && since.isAfter(at)) {
                throw Rejection.invalid("since", "since must not be in the future");
            }
        }
    }

    record StartRun(String accountId, String userId, String runId, String requestId, Instant at) implements SyncCommand {
        public StartRun {
            accountId = accountIdOf(accountId);
            Texts.required(userId, "userId");
            Texts.required(runId, "runId");
            Texts.present(at, "at");
        }
    }

    /** One page of the broker's orders; {@code cursor} is where the next page (or run) starts. */
    record ImportOrders(String accountId, String runId, List<OrderRecord> orders, Instant cursor, Instant at)
            implements SyncCommand {
        public ImportOrders {
            accountId = accountIdOf(accountId);
            orders = List.copyOf(orders);
            Texts.present(cursor, "cursor");
        }
    }

    /** One page of the broker's activities: its fills; {@code cursor} is where the next page (or run) starts. */
    record ImportFills(String accountId, String runId, List<FillRecord> fills, Instant cursor, Instant at)
            implements SyncCommand {
        public ImportFills {
            accountId = accountIdOf(accountId);
            fills = List.copyOf(fills);
            Texts.present(cursor, "cursor");
        }
    }

    record ObserveBalance(String accountId, String runId, String currency, BigDecimal cash, BigDecimal buyingPower,
                          BigDecimal equity, Instant at) implements SyncCommand {
        public ObserveBalance {
            accountId = accountIdOf(accountId);
            Texts.required(currency, "currency");
            Texts.present(cash, "cash");
        }
    }

    record CompleteRun(String accountId, String runId, Instant at) implements SyncCommand {
        public CompleteRun {
            accountId = accountIdOf(accountId);
        }
    }

    record FailRun(String accountId, String runId, String code, String reason, Instant at) implements SyncCommand {
        public FailRun {
            accountId = accountIdOf(accountId);
            Texts.required(code, "code");
        }
    }

    /** A broker order in TradeCore's terms (see the planner). */
    record OrderRecord(String brokerOrderId, String clientOrderId, String symbol, String side, BigDecimal quantity,
                       String type, BigDecimal limitPrice, BigDecimal stopPrice, String timeInForce, String status,
                       BigDecimal filledQuantity, BigDecimal averageFillPrice, Instant submittedAt, Instant updatedAt) {
        public OrderRecord {
            Texts.required(brokerOrderId, "brokerOrderId");
            Texts.required(symbol, "symbol");
            Texts.required(side, "side");
            Texts.present(quantity, "quantity");
            Texts.required(status, "status");
            filledQuantity = filledQuantity == null ? BigDecimal.ZERO : filledQuantity;
        }

    }

    /** A broker execution in TradeCore's terms (see the planner). */
    record FillRecord(String fillId, String brokerOrderId, String symbol, String side, BigDecimal quantity,
                      BigDecimal price, Instant executedAt) {
        public FillRecord {
            Texts.required(fillId, "fillId");
            Texts.required(symbol, "symbol");
            Texts.required(side, "side");
            Texts.present(quantity, "quantity");
            Texts.present(price, "price");
            Texts.present(executedAt, "executedAt");
        }
    }

    private static String accountIdOf(String accountId) {
        Texts.required(accountId, "accountId");
        try {
            return UUID.fromString(accountId).toString();
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("accountId", "accountId must be a UUID");
        }
    }
}
