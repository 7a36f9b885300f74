package io.tradecore.order;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots order's functions with the kernel, as a function jar would. */
@SpringBootApplication
public class OrderTestApplication {
}
