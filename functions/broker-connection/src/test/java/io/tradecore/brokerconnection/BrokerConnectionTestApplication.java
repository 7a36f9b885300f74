package io.tradecore.brokerconnection;

import io.tradecore.kernel.testing.TestClock;
import java.time.Instant;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Boots broker_connection's functions with the kernel, as a function jar would, together with broker_account
 * (test scope only) so the accounts a completed connection opens can be seen; with a clock the tests move by hand.
 */
@SpringBootApplication
public class BrokerConnectionTestApplication {

    @Bean
    TestClock clock() {
        return new TestClock(Instant.now());
    }
}
