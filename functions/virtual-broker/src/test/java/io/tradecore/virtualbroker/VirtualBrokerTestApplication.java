package io.tradecore.virtualbroker;

import io.tradecore.kernel.testing.TestClock;
import java.time.Instant;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Boots virtual_broker's functions with the kernel, as a function jar would, with a clock the tests move by hand
 * (it starts at the real time, so tokens it stamps are valid).
 */
@SpringBootApplication
public class VirtualBrokerTestApplication {

    @Bean
    TestClock clock() {
        return new TestClock(Instant.now());
    }
}
