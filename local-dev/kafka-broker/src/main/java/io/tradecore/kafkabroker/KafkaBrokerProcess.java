package io.tradecore.kafkabroker;

import java.io.IOException;

/**
 * Entry point of the broker's child JVM: runs {@code kafka.Kafka} and exits when its stdin reaches EOF.
 *
 * <p>{@link KafkaBroker} keeps the write end of that pipe open; the OS closes it when the parent JVM dies, even
 * by SIGKILL, where no shutdown hook runs. So an orphaned broker stops instead of holding its port and data dir.
 * This class runs only in the child JVM, the one place where the (provided-scope) Kafka jars are on the classpath.
 */
public final class KafkaBrokerProcess {

    private KafkaBrokerProcess() {
    }

    public static void main(String[] args) {
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent never writes; just wait for EOF
                }
            } catch (IOException ignored) {
                // a broken pipe means the parent is gone too
            }
            System.err.println("Parent JVM gone (stdin closed): stopping the Kafka broker");
            System.exit(0); // runs Kafka's shutdown hook
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(args);
    }
}
