package io.tradecore.order;

import io.tradecore.contracts.standin.StandInQueries;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Boots order's functions with the kernel, as a function jar would, and the stand-ins of the queries it asks other
 * domains.
 */
@SpringBootApplication
@Import(StandInQueries.class)
public class OrderTestApplication {
}
