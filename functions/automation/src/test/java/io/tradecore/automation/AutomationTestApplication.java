package io.tradecore.automation;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots automation's functions with the kernel, as a function jar would. */
@SpringBootApplication
public class AutomationTestApplication {
}
