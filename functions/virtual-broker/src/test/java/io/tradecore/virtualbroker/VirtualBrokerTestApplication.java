package io.tradecore.virtualbroker;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots virtual_broker's functions with the kernel, as a function jar would. */
@SpringBootApplication
public class VirtualBrokerTestApplication {
}
