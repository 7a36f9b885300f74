package io.tradecore.virtualbroker;

import io.tradecore.kernel.config.KernelConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;

/** virtual_broker's function beans; each hands its work to the kernel. Routes and topics: {@link VirtualBrokerCatalog}. */
@AutoConfiguration(after = KernelConfiguration.class)
public class VirtualBrokerFunctions {
}
