package io.tradecore.order;

import io.tradecore.kernel.config.KernelConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;

/** order's function beans; each hands its work to the kernel. Routes and topics: {@link OrderCatalog}. */
@AutoConfiguration(after = KernelConfiguration.class)
public class OrderFunctions {
}
