package io.tradecore.portfolio;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots portfolio's functions with the kernel, as a function jar would. */
@SpringBootApplication
public class PortfolioTestApplication {
}
