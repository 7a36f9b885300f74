package io.tradecore.virtualbroker;

import io.tradecore.kernel.command.Aggregates;
import io.tradecore.kernel.command.CommandHandler;
import io.tradecore.kernel.domain.Aggregate;
import io.tradecore.kernel.domain.Ids;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.virtualbroker.book.Fills;
import io.tradecore.virtualbroker.book.Market;
import io.tradecore.virtualbroker.book.OrderLedger;
import io.tradecore.virtualbroker.book.WorkingOrders;
import io.tradecore.virtualbroker.broker.BrokerReports;
import io.tradecore.virtualbroker.broker.OrderIntake;
import io.tradecore.virtualbroker.broker.VirtualBrokerAdapter;
import io.tradecore.virtualbroker.domain.BrokerOrders;
import io.tradecore.virtualbroker.domain.FeedEvent;
import io.tradecore.virtualbroker.domain.FeedEvent.PriceTicked;
import io.tradecore.virtualbroker.domain.OrderCommand;
import io.tradecore.virtualbroker.domain.OrderEvent;
import io.tradecore.virtualbroker.domain.OrderState;
import io.tradecore.virtualbroker.domain.PriceFeed;
import io.tradecore.virtualbroker.domain.PriceFeed.FeedState;
import io.tradecore.virtualbroker.domain.RecordTick;
import io.tradecore.virtualbroker.feed.RandomWalk;
import io.tradecore.virtualbroker.feed.SimulatedFeed;
import io.tradecore.virtualbroker.inbound.BrokerPolicies;
import java.time.Clock;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The broker's parts behind its functions: command handlers with their same-transaction tables, the adapter, the policies. */
@Configuration(proxyBeanMethods = false)
class VirtualBrokerParts {

    @Bean
    WireEnums virtualBrokerWireEnums() {
        return new WireEnums();
    }

    @Bean
    Market virtualBrokerMarket(JdbcClient jdbc) {
        return new Market(jdbc);
    }

    @Bean
    WorkingOrders virtualBrokerWorkingOrders(JdbcClient jdbc) {
        return new WorkingOrders(jdbc);
    }

    @Bean
    OrderLedger virtualBrokerLedger(JdbcClient jdbc) {
        return new OrderLedger(jdbc);
    }

    /** Each tick's append also moves the symbol's last price, in the same transaction. */
    @Bean
    CommandHandler<RecordTick, FeedState, FeedEvent> priceFeed(Aggregates aggregates, Market market) {
        return aggregates.handler(PriceFeed.AGGREGATE, RecordTick::streamId)
                .withinAppend((command, before, events) -> events.forEach(event -> {
                    switch (event) {
                        case PriceTicked tick -> market.recordTick(tick);
                    }
                }));
    }

    /**
     * Every order command, system only (policies, the job, the adapter). Each append also updates the ledger and the
     * working table in its transaction, so a tick never sees an order the store does not have, or the reverse.
     */
    @Bean
    CommandHandler<OrderCommand, OrderState, OrderEvent> virtualBrokerOrders(Aggregates aggregates,
                                                                      VirtualBrokerProperties properties,
                                                                      WorkingOrders working, OrderLedger ledger) {
        Aggregate<OrderCommand, OrderState, OrderEvent> aggregate = BrokerOrders.aggregate(properties.rules());
        return aggregates.handler(aggregate, command -> command.orderId().streamId())
                .authorizedBy((command, loaded) -> {
                    if (!command.actor().isSystem()) {
                        throw Rejection.forbidden("only the broker's own policies and jobs act on its orders");
                    }
                })
                .withinAppend((command, before, events) -> {
                    ledger.record(events);
                    working.sync(events.getFirst().orderId(), aggregate.decider().fold(before.state(), events));
                });
    }

    @Bean
    VirtualBrokerAdapter virtualBrokerAdapter(CommandHandler<OrderCommand, OrderState, OrderEvent> brokerOrders,
                                              Market market, OrderLedger ledger, JdbcClient jdbc,
                                              VirtualBrokerProperties properties, Clock clock, Ids ids) {
        Function<Command<OrderCommand>, CommandResult> orders = brokerOrders;
        return new VirtualBrokerAdapter(orders, new OrderIntake(market, properties.session(), ids), ledger,
                new BrokerReports(new Fills(jdbc), market), clock, ids);
    }

    @Bean
    BrokerPolicies virtualBrokerPolicies(VirtualBrokerAdapter broker,
                                  CommandHandler<OrderCommand, OrderState, OrderEvent> brokerOrders,
                                  WorkingOrders working, Clock clock, Ids ids) {
        return new BrokerPolicies(broker, brokerOrders, working, clock, ids);
    }

    @Bean
    @ConditionalOnProperty(name = "tradecore.virtual-broker.simulated-feed.enabled", havingValue = "true")
    SimulatedFeed simulatedFeed(@Qualifier("recordTick") Function<Command<RecordTick>, CommandResult> recordTick, Market market, Ids ids,
                                VirtualBrokerProperties properties) {
        var feed = properties.simulatedFeed();
        return new SimulatedFeed(recordTick, market::startingPrices, ids, feed.interval(),
                new RandomWalk(feed.seed(), feed.volatilityBps()));
    }
}
