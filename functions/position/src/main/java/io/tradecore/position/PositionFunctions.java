package io.tradecore.position;

import io.tradecore.kernel.config.KernelConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;

/** position's function beans; each hands its work to the kernel. Routes and topics: {@link PositionCatalog}. */
@AutoConfiguration(after = KernelConfiguration.class)
public class PositionFunctions {
}
