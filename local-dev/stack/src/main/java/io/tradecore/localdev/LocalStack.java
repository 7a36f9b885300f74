package io.tradecore.localdev;

import io.tradecore.kafkabroker.KafkaBroker;
import io.tradecore.kernel.config.Databases;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * All of TradeCore in one JVM for local development: every function the classpath brings (the kernel and each
 * domain module's auto-configuration), behind the HTTP gateway on port 8080, bound to a real Kafka broker, on the
 * machine's PostgreSQL and Redis.
 *
 * <p>It is a main of its own, not just the auto-configurations, because two things must be true before Spring
 * starts: the database exists (Flyway migrates it while the context refreshes) and a broker answers (the outbox
 * relay and the stream binder connect during start-up). Unless {@code TRADECORE_KAFKA_BOOTSTRAP_SERVERS} (or
 * {@code -Dtradecore.kafka.bootstrap-servers}) names an existing Kafka or Redpanda, a KRaft broker is started in a
 * child JVM on port {@code TRADECORE_KAFKA_PORT} (9092) with its data in {@code TRADECORE_KAFKA_DATA_DIR}
 * ({@code local-dev/.kafka-data}, kept across restarts). It is stopped after the context has closed, so the
 * consumers and the relay never see it vanish while they still run; if this JVM is killed outright, the broker
 * notices its closed stdin and exits too.
 */
@SpringBootApplication
public class LocalStack {

    private static final String BOOTSTRAP_PROPERTY = KafkaBroker.BOOTSTRAP_PROPERTY;

    public static void main(String[] args) {
        Databases.ensureExists(setting(args, "spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/tradecore"),
                setting(args, "spring.datasource.username", "postgres"),
                setting(args, "spring.datasource.password", ""));

        String external = setting(args, BOOTSTRAP_PROPERTY, "");
        KafkaBroker broker = external.isBlank() ? KafkaBroker.start(
                Path.of(setting(args, "tradecore.kafka.data-dir", "local-dev/.kafka-data")),
                Integer.parseInt(setting(args, "tradecore.kafka.port", "9092"))) : null;
        System.setProperty(BOOTSTRAP_PROPERTY, broker == null ? external.strip() : broker.bootstrapServers());

        // One hook, in order: the context first (consumers, relay, web server), then the broker it was using.
        AtomicReference<ConfigurableApplicationContext> context = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (context.get() != null) {
                context.get().close();
            }
            if (broker != null) {
                broker.close();
            }
        }, "tradecore-local-stack-shutdown"));

        SpringApplication application = new SpringApplication(LocalStack.class);
        application.setRegisterShutdownHook(false); // the hook above closes it, before the broker
        context.set(application.run(args));
    }

    /**
     * A setting needed before Spring reads its configuration: {@code --name=value} argument, {@code -Dname} system
     * property, or the environment variable Spring would bind to it ({@code spring.datasource.url} ->
     * {@code SPRING_DATASOURCE_URL}), else the default.
     */
    public static String setting(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null ? fallback : value;
    }
}
