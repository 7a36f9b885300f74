package io.tradecore.order;

import io.tradecore.kernel.command.CommandHandler;
import io.tradecore.kernel.policy.PolicyRuntime;
import io.tradecore.order.domain.OrderCommand;
import io.tradecore.order.domain.OrderEvent;
import io.tradecore.order.domain.OrderState;
import io.tradecore.order.placement.OrderPlacement;
import io.tradecore.order.policy.PlaceAlertOrders;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The order domain's reaction to automation's fired alerts: {@link PlaceAlertOrders}. Trigger: {@link OrderCatalog}. */
@AutoConfiguration(after = OrderFunctions.class)
public class AlertOrderFunctions {

    @Bean
    Consumer<List<byte[]>> placeAlertOrders(PolicyRuntime runtime,
                                            CommandHandler<OrderCommand, OrderState, OrderEvent> orders,
                                            OrderPlacement placement) {
        return runtime.consumer(PlaceAlertOrders.policy(PlaceAlertOrders.placer(orders, placement)));
    }
}
