package io.tradecore.position;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots position's functions with the kernel, as a function jar would. */
@SpringBootApplication
public class PositionTestApplication {
}
