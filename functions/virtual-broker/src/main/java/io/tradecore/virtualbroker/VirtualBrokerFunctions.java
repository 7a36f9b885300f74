package io.tradecore.virtualbroker;

import io.tradecore.kernel.command.CommandHandler;
import io.tradecore.kernel.config.KernelConfiguration;
import io.tradecore.kernel.domain.EventTypes;
import io.tradecore.kernel.domain.Ids;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.Actor;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.function.JobReport;
import io.tradecore.kernel.function.Query;
import io.tradecore.kernel.function.RequestContext;
import io.tradecore.kernel.policy.PolicyRuntime;
import io.tradecore.virtualbroker.api.InstrumentList;
import io.tradecore.virtualbroker.api.InstrumentView;
import io.tradecore.virtualbroker.api.MarketQueries.GetInstrument;
import io.tradecore.virtualbroker.api.MarketQueries.ListInstruments;
import io.tradecore.virtualbroker.book.Market;
import io.tradecore.virtualbroker.book.WorkingOrders;
import io.tradecore.virtualbroker.domain.BrokerOrders;
import io.tradecore.virtualbroker.domain.FeedEvent;
import io.tradecore.virtualbroker.domain.OrderCommand;
import io.tradecore.virtualbroker.domain.OrderEvent;
import io.tradecore.virtualbroker.domain.OrderState;
import io.tradecore.virtualbroker.domain.PriceFeed;
import io.tradecore.virtualbroker.domain.PriceFeed.FeedState;
import io.tradecore.virtualbroker.domain.RecordTick;
import io.tradecore.virtualbroker.inbound.BrokerPolicies;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * virtual_broker's function beans; each hands its work to the kernel. Routes and topics: {@link VirtualBrokerCatalog}.
 * The broker's own parts (tables, adapter, policies, simulated feed): {@link VirtualBrokerParts}.
 */
@AutoConfiguration(after = KernelConfiguration.class)
@EnableConfigurationProperties(VirtualBrokerProperties.class)
@Import(VirtualBrokerParts.class)
public class VirtualBrokerFunctions {

    @Bean
    EventTypes<OrderEvent> brokerOrderEvents() {
        return BrokerOrders.EVENTS;
    }

    @Bean
    EventTypes<FeedEvent> priceFeedEvents() {
        return PriceFeed.EVENTS;
    }

    /** Administrators (and the simulated feed, as the system) post prices of listed symbols. */
    @Bean
    Function<Command<RecordTick>, CommandResult> recordTick(CommandHandler<RecordTick, FeedState, FeedEvent> priceFeed,
                                                            Market market, Clock clock) {
        return command -> {
            command.actor().requireAdmin();
            if (!market.lists(command.body().symbol())) {
                throw Rejection.unprocessable("unknown-symbol", "no instrument " + command.body().symbol());
            }
            return priceFeed.apply(command.map(tick -> tick.at(clock.instant())));
        };
    }

    @Bean
    Function<Query<GetInstrument>, InstrumentView> getInstrument(Market market) {
        return query -> market.instrument(query.params().symbol()).orElseThrow(
                () -> Rejection.notFound("instrument-not-found", "no instrument " + query.params().symbol()));
    }

    @Bean
    Function<Query<ListInstruments>, InstrumentList> listInstruments(Market market) {
        return query -> new InstrumentList(market.instruments());
    }

    @Bean
    Consumer<List<byte[]>> routeApprovedOrders(PolicyRuntime runtime, BrokerPolicies policies) {
        return runtime.consumer(policies.routeApprovedOrders());
    }

    @Bean
    Consumer<List<byte[]>> relayOrderRequests(PolicyRuntime runtime, BrokerPolicies policies) {
        return runtime.consumer(policies.relayOrderRequests());
    }

    @Bean
    Consumer<List<byte[]>> matchOrdersOnTick(PolicyRuntime runtime, BrokerPolicies policies) {
        return runtime.consumer(policies.matchOrdersOnTick());
    }

    /** Day orders whose session has closed expire; at most a thousand a run, the rest on the next. */
    @Bean
    Supplier<JobReport> expireDayOrders(WorkingOrders working,
                                        CommandHandler<OrderCommand, OrderState, OrderEvent> brokerOrders,
                                        Clock clock, Ids ids) {
        return () -> {
            var now = clock.instant();
            long expired = working.dueForExpiry(now, 1000).stream()
                    .map(order -> brokerOrders.apply(new Command<>(new OrderCommand.ExpireOrder(order, now),
                            RequestContext.of(ids.next(), Actor.system(null)))))
                    .filter(result -> result.position() != null)
                    .count();
            return new JobReport("expireDayOrders", expired);
        };
    }
}
