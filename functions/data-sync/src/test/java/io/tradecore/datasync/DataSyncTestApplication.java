package io.tradecore.datasync;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots data-sync's functions with the kernel, as a function jar would. */
@SpringBootApplication
public class DataSyncTestApplication {
}
