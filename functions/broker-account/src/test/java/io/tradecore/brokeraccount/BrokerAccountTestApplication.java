package io.tradecore.brokeraccount;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots broker_account's functions with the kernel, as a function jar would. */
@SpringBootApplication
public class BrokerAccountTestApplication {
}
