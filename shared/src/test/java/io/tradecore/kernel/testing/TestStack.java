package io.tradecore.kernel.testing;

import io.tradecore.kafkabroker.KafkaBroker;
import io.tradecore.kernel.config.Databases;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring context at the machine's PostgreSQL and Redis and at the JVM's one Kafka broker, isolated by a
 * fresh schema and topic prefix. Use from a {@code @DynamicPropertySource} method.
 */
public final class TestStack {

    public static final String DATABASE_URL = System.getenv().getOrDefault("TRADECORE_TEST_DB_URL",
            "jdbc:postgresql://127.0.0.1:5432/tradecore_test");
    public static final String DATABASE_USER = System.getenv().getOrDefault("TRADECORE_TEST_DB_USER", "postgres");

    private TestStack() {
    }

    /** Registers the properties; returns the isolation name (schema and topic prefix) of this context. */
    public static String register(DynamicPropertyRegistry registry) {
        String isolation = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        Databases.ensureExists(DATABASE_URL, DATABASE_USER, "");
        // The broker stops after the test contexts closed: their listeners commit their last offsets on the way out.
        String brokers = KafkaBroker.shared(stop -> SpringApplication.getShutdownHandlers().add(stop)).bootstrapServers();
        registry.add("spring.datasource.url", () -> DATABASE_URL);
        registry.add("spring.datasource.username", () -> DATABASE_USER);
        registry.add("tradecore.db.schema", () -> isolation);
        registry.add("tradecore.kafka.bootstrap-servers", () -> brokers);
        registry.add("tradecore.kafka.topic-prefix", () -> isolation + ".");
        registry.add("tradecore.kafka.partitions", () -> "4");
        return isolation;
    }
}
