package io.tradecore.order;

import io.tradecore.kernel.cache.ReadModelCache;
import io.tradecore.kernel.command.Aggregates;
import io.tradecore.kernel.command.CommandHandler;
import io.tradecore.kernel.command.UniqueClaims;
import io.tradecore.kernel.config.KernelConfiguration;
import io.tradecore.kernel.domain.EventTypes;
import io.tradecore.kernel.domain.Ids;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.function.ConsistencyToken;
import io.tradecore.kernel.function.Query;
import io.tradecore.kernel.gateway.QueryBus;
import io.tradecore.kernel.policy.PolicyRuntime;
import io.tradecore.kernel.projection.ProjectionRuntime;
import io.tradecore.order.api.OrderFills;
import io.tradecore.order.api.OrderPage;
import io.tradecore.order.api.OrderQueries.GetOrderById;
import io.tradecore.order.api.OrderQueries.ListOrderFills;
import io.tradecore.order.api.OrderQueries.ListOrders;
import io.tradecore.order.api.OrderRequests.CancelOrderRequest;
import io.tradecore.order.api.OrderRequests.PlaceOrderRequest;
import io.tradecore.order.api.OrderRequests.ReplaceOrderRequest;
import io.tradecore.order.api.OrderRequests.ReplaceResult;
import io.tradecore.order.api.OrderView;
import io.tradecore.order.domain.OrderCommand;
import io.tradecore.order.domain.OrderCommand.RequestCancel;
import io.tradecore.order.domain.OrderCommand.RequestReplace;
import io.tradecore.order.domain.OrderEvent;
import io.tradecore.order.domain.OrderId;
import io.tradecore.order.domain.OrderState;
import io.tradecore.order.domain.Orders;
import io.tradecore.order.domain.UserId;
import io.tradecore.order.policy.ImportSyncedOrders;
import io.tradecore.order.policy.OrderPolicies;
import io.tradecore.order.placement.OrderPlacement;
import io.tradecore.order.readmodel.OrderProjection;
import io.tradecore.order.readmodel.OrderReadModel;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/** order's function beans; each hands its work to the kernel. Routes and topics: {@link OrderCatalog}. */
@AutoConfiguration(after = KernelConfiguration.class)
public class OrderFunctions {

    /** Client order ids are unique per account: claimed as {@code accountId:clientOrderId}. */
    static final String CLIENT_ORDER_IDS = "order.client-order-id";

    @Bean
    EventTypes<OrderEvent> orderEvents() {
        return Orders.EVENTS;
    }

    @Bean
    OrderReadModel orderReadModel(JdbcClient jdbc) {
        return new OrderReadModel(jdbc);
    }

    @Bean
    OrderProjection orderProjection(JdbcClient jdbc, ReadModelCache cache) {
        return new OrderProjection(jdbc, cache);
    }

    @Bean
    OrderPlacement orderPlacement(QueryBus queries, Ids ids, Clock clock) {
        return new OrderPlacement(queries, ids, clock);
    }

    /** Every order command: only the owner (or the platform) touches an order; a placement claims its client id. */
    @Bean
    CommandHandler<OrderCommand, OrderState, OrderEvent> orderCommands(Aggregates aggregates, UniqueClaims claims) {
        return aggregates.handler(Orders.AGGREGATE, command -> command.orderId().streamId())
                .authorizedBy((command, order) -> {
                    UserId owner = order.state().owner();
                    if (owner != null) {
                        command.actor().requireSelfOrAdmin(owner.toString(), "order");
                    }
                })
                .withinAppend((command, before, events) -> events.forEach(event -> {
                    if (event instanceof OrderEvent.OrderPlaced placed) {
                        claims.claim(CLIENT_ORDER_IDS, placed.accountId() + ":" + placed.clientOrderId(),
                                placed.orderId().toString(), () -> Rejection.conflict("client-order-id-in-use",
                                        "this account already has an order with client order id " + placed.clientOrderId()));
                    }
                }));
    }

    @Bean
    Function<Command<PlaceOrderRequest>, CommandResult> placeOrder(
            CommandHandler<OrderCommand, OrderState, OrderEvent> orders, OrderPlacement placement) {
        return command -> orders.apply(command.map(request -> placement.place(request, command.actor())));
    }

    @Bean
    Function<Command<CancelOrderRequest>, CommandResult> cancelOrder(
            CommandHandler<OrderCommand, OrderState, OrderEvent> orders, Clock clock) {
        return command -> orders.apply(command.map(request -> new RequestCancel(request.orderId(), clock.instant())));
    }

    /** Answers the id the replacement will have; a replayed request answers the id its first run chose. */
    @Bean
    Function<Command<ReplaceOrderRequest>, ReplaceResult> replaceOrder(
            CommandHandler<OrderCommand, OrderState, OrderEvent> orders, Aggregates aggregates, Ids ids, Clock clock) {
        return command -> {
            OrderId orderId = command.body().orderId();
            OrderId newOrderId = new OrderId(ids.next());
            CommandResult result = orders.apply(command.map(request ->
                    new RequestReplace(orderId, newOrderId, request.changes(), clock.instant())));
            OrderId chosen = result.replayed()
                    ? aggregates.load(Orders.AGGREGATE, orderId.streamId()).state().replacedBy() : newOrderId;
            return new ReplaceResult(orderId.toString(), String.valueOf(chosen), result.streamId(), result.version(),
                    result.consistencyToken());
        };
    }

    @Bean
    Function<Query<GetOrderById>, OrderView> getOrderById(OrderReadModel orders, ReadModelCache cache) {
        return query -> {
            OrderId id = query.params().orderId();
            String token = query.context().consistencyToken();
            ConsistencyToken awaited = token == null ? null : ConsistencyToken.parse(token);
            long atLeast = awaited != null && awaited.streamId().equals(id.streamId()) ? awaited.version() : 0;
            OrderView order = cache.getOrLoad(OrderProjection.cacheKey(id), OrderView.class,
                    cached -> cached.version() >= atLeast,
                    () -> orders.byId(id.value()).orElseThrow(Orders::orderNotFound));
            query.actor().requireSelfOrAdmin(order.userId(), "order");
            return order;
        };
    }

    @Bean
    Function<Query<ListOrders>, OrderPage> listOrders(OrderReadModel orders) {
        return query -> {
            ListOrders params = query.params();
            UserId caller = UserId.of(query.actor().userId());
            return orders.page(caller.value(), params.accountId() == null ? null : params.accountId().value(),
                    params.status() == null ? null : params.status().toString(), params.page(), params.size());
        };
    }

    @Bean
    Function<Query<ListOrderFills>, OrderFills> listOrderFills(OrderReadModel orders) {
        return query -> {
            OrderId id = query.params().orderId();
            OrderView order = orders.byId(id.value()).orElseThrow(Orders::orderNotFound);
            query.actor().requireSelfOrAdmin(order.userId(), "order");
            return new OrderFills(id.toString(), orders.fills(id.value()));
        };
    }

    @Bean
    Consumer<List<byte[]>> projectOrders(ProjectionRuntime runtime, OrderProjection projection) {
        return runtime.consumer(projection);
    }

    @Bean
    OrderPolicies orderPolicies(CommandHandler<OrderCommand, OrderState, OrderEvent> orders, Aggregates aggregates,
                                OrderPlacement placement, Clock clock) {
        return new OrderPolicies(orders, aggregates, placement, clock);
    }

    @Bean
    Consumer<List<byte[]>> acceptOrders(PolicyRuntime runtime, OrderPolicies policies) {
        return runtime.consumer(policies.acceptOrders());
    }

    @Bean
    Consumer<List<byte[]>> recordExecutions(PolicyRuntime runtime, OrderPolicies policies) {
        return runtime.consumer(policies.recordExecutions());
    }

    /** Orders of connected brokers, brought in by the data-sync worker: mirrored, never routed nor reserved for. */
    @Bean
    Consumer<List<byte[]>> importSyncedOrders(PolicyRuntime runtime,
                                              CommandHandler<OrderCommand, OrderState, OrderEvent> orders, Clock clock) {
        return runtime.consumer(ImportSyncedOrders.policy(orders, clock));
    }
}
