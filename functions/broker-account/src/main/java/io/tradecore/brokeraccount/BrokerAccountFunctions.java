package io.tradecore.brokeraccount;

import io.tradecore.kernel.config.KernelConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;

/** broker_account's function beans; each hands its work to the kernel. Routes and topics: {@link BrokerAccountCatalog}. */
@AutoConfiguration(after = KernelConfiguration.class)
public class BrokerAccountFunctions {
}
