package io.tradecore.kafkabroker;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A real Apache Kafka broker (single node, KRaft, combined broker+controller) running in a child JVM.
 *
 * <p>The broker's jars are not on this module's consumers' classpath: the build writes their paths to
 * {@code tradecore/kafka-broker.classpath} in this jar, and the child JVM is started with them. That keeps
 * Scala, the broker's Jackson 2 and its own kafka-clients away from the application under test.
 *
 * <p>The child reads its stdin until EOF (see {@link KafkaBrokerProcess}); the pipe closes when this JVM dies,
 * however it dies, so a broker never outlives the JVM that started it.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Environment variable / system property naming an external broker; {@link #shared()} then starts nothing. */
    public static final String BOOTSTRAP_ENV = "TRADECORE_KAFKA_BOOTSTRAP_SERVERS";
    public static final String BOOTSTRAP_PROPERTY = "tradecore.kafka.bootstrap-servers";
    /** JVM options of the broker's process, whitespace-separated. */
    public static final String JAVA_OPTS_ENV = "TRADECORE_KAFKA_BROKER_JAVA_OPTS";

    static final String CLASSPATH_RESOURCE = "/tradecore/kafka-broker.classpath";
    private static final String STARTED_MARKER = "Kafka Server started";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(KafkaBroker.class.getName());

    private static KafkaBroker shared;

    private final String bootstrapServers;
    private final Process process; // null when pointing at an external broker
    private final Path workDir;

    private KafkaBroker(String bootstrapServers, Process process, Path workDir) {
        this.bootstrapServers = bootstrapServers;
        this.process = process;
        this.workDir = workDir;
    }

    /**
     * Formats {@code workDir} (unless already formatted) and starts a broker there, blocking until it serves
     * requests. {@code port} 0 picks a free port. Keep the returned handle reachable and close it when done.
     */
    public static KafkaBroker start(Path dir, int port) {
        Path workDir = dir.toAbsolutePath();
        try {
            Files.createDirectories(workDir);
            killStaleBroker(workDir);
            int brokerPort = port == 0 ? freePort() : port;
            int controllerPort = freePort();
            Path config = writeConfig(workDir, brokerPort, controllerPort);
            Path log = workDir.resolve("broker.log");
            Files.deleteIfExists(log);

            long t0 = System.nanoTime();
            // A persistent data dir (local-dev) is reused as is: formatting it again would need its old cluster id.
            if (!Files.exists(workDir.resolve("data/meta.properties"))) {
                Process format = childJvm("kafka.tools.StorageTool", log,
                        "format", "--config", config.toString(), "--cluster-id", randomClusterId());
                if (!format.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || format.exitValue() != 0) {
                    format.destroyForcibly();
                    throw new IllegalStateException("Formatting Kafka storage failed; see " + log + "\n" + tail(log));
                }
            }
            // the "started" marker must come from the broker, after the format step's output
            long logOffset = Files.exists(log) ? Files.size(log) : 0;

            Process broker = childJvm(KafkaBrokerProcess.class.getName(), log, config.toString());
            Files.writeString(workDir.resolve("broker.pid"), broker.pid() + " " + ProcessHandle.current().pid());
            KafkaBroker handle = new KafkaBroker("127.0.0.1:" + brokerPort, broker, workDir);
            try {
                handle.awaitReady(brokerPort, log, logOffset);
            } catch (RuntimeException e) {
                handle.close();
                throw e;
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            LOG.log(System.Logger.Level.INFO, () -> "Kafka broker up at %s in %d ms (pid %d, dir %s)"
                    .formatted(handle.bootstrapServers, millis, broker.pid(), workDir));
            return handle;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Kafka", e);
        }
    }

    /**
     * One broker per JVM, started on first use in a temp dir on a free port and stopped (dir deleted) at JVM exit.
     * If {@value #BOOTSTRAP_ENV} or {@code -D}{@value #BOOTSTRAP_PROPERTY} is set, returns a handle to that
     * broker instead and starts nothing.
     */
    public static synchronized KafkaBroker shared() {
        return shared(stop -> Runtime.getRuntime().addShutdownHook(new Thread(stop, "tradecore-kafka-shutdown")));
    }

    /**
     * Like {@link #shared()}, with the caller choosing when the started broker stops at exit: {@code stopAtExit}
     * receives the stop. A JVM shutdown hook runs alongside every other hook, so the broker could go while an
     * application's consumers still commit their offsets to it (they then wait for it up to their API timeout); an
     * application framework's own exit sequence can stop it after those applications closed.
     */
    public static synchronized KafkaBroker shared(Consumer<Runnable> stopAtExit) {
        if (shared == null) {
            String external = System.getProperty(BOOTSTRAP_PROPERTY, System.getenv(BOOTSTRAP_ENV));
            if (external != null && !external.isBlank()) {
                shared = new KafkaBroker(external.strip(), null, null);
            } else {
                try {
                    Path dir = Files.createTempDirectory("tradecore-kafka-");
                    KafkaBroker broker = start(dir, 0);
                    stopAtExit.accept(() -> {
                        broker.stop(false); // its data is thrown away: skip the ~2 s clean shutdown
                        deleteRecursively(dir);
                    });
                    shared = broker;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return shared;
    }

    /** {@code host:port} for Kafka clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops the broker cleanly (SIGTERM, then SIGKILL after {@link #STOP_TIMEOUT}); a no-op for an external broker. */
    @Override
    public void close() {
        stop(true);
    }

    private void stop(boolean graceful) {
        if (process == null || !process.isAlive()) {
            return;
        }
        if (graceful) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        try {
            if (!graceful || !process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            Files.deleteIfExists(workDir.resolve("broker.pid"));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // the pid file is only a hint for cleaning up after killed runs
        }
    }

    /**
     * Runs a broker for local development until killed: {@code [port [dataDir]]}, or {@code -Dtradecore.kafka.port}
     * and {@code -Dtradecore.kafka.data-dir}; defaults 9092 and {@code local-dev/.kafka-data}. Data survives restarts.
     */
    public static void main(String[] args) {
        int port = Integer.parseInt(args.length > 0 ? args[0] : System.getProperty("tradecore.kafka.port", "9092"));
        Path dir = Path.of(args.length > 1 ? args[1] : System.getProperty("tradecore.kafka.data-dir", "local-dev/.kafka-data"));
        KafkaBroker broker = start(dir, port);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "tradecore-kafka-shutdown"));
        System.out.println("Kafka broker listening on " + broker.bootstrapServers() + " (data and broker.log in "
                + dir.toAbsolutePath() + "); Ctrl+C stops it");
        int exit = broker.process.onExit().join().exitValue();
        System.err.println("Kafka broker exited with code " + exit + "; see " + dir.toAbsolutePath().resolve("broker.log"));
        System.exit(exit == 0 ? 0 : 1);
    }

    private void awaitReady(int port, Path log, long logOffset) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with code " + process.exitValue()
                        + " during start-up; see " + log + "\n" + tail(log));
            }
            // The port can accept connections before the broker has joined the KRaft quorum, so wait for the
            // broker's own "started" line as well.
            if (logContains(log, logOffset, STARTED_MARKER) && accepts(port)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Kafka broker did not start within " + START_TIMEOUT.toSeconds()
                + " s; see " + log + "\n" + tail(log));
    }

    /** Starts a JVM on the broker classpath with {@code mainClass}, output (stdout and stderr) appended to {@code log}. */
    private static Process childJvm(String mainClass, Path log, String... args) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions());
        command.addAll(List.of("-Djava.awt.headless=true",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                "-cp", brokerClasspath(), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start(); // stdin stays a pipe from this JVM: KafkaBrokerProcess exits when it closes
    }

    /**
     * The broker JVM's options: {@value #JAVA_OPTS_ENV} where set (local-dev runs the broker for throughput), else
     * small and quick to start, since a test broker moves little data and C1-only JIT starts faster.
     */
    private static List<String> jvmOptions() {
        String configured = System.getenv(JAVA_OPTS_ENV);
        return configured == null || configured.isBlank()
                ? List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData")
                : List.of(configured.trim().split("\\s+"));
    }

    /** The broker's jars (from the build) plus this module's own classes, which hold {@link KafkaBrokerProcess}. */
    private static String brokerClasspath() throws IOException {
        String jars;
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " not found; build local-dev/kafka-broker with Maven");
            }
            jars = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        for (String jar : jars.split(File.pathSeparator)) {
            if (!Files.exists(Path.of(jar))) {
                throw new IllegalStateException("Kafka broker jar " + jar + " is missing; rebuild local-dev/kafka-broker");
            }
        }
        try {
            Path self = Path.of(KafkaBroker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return self + File.pathSeparator + jars;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writeConfig(Path workDir, int port, int controllerPort) throws IOException {
        String config = """
                process.roles=broker,controller
                node.id=1
                # Static single-voter quorum: unlike --standalone, it does not record the controller's address in the
                # metadata log, so a persistent data dir keeps working when the controller port changes.
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%3$s
                num.partitions=4
                auto.create.topics.enable=true
                # One node: replication factor 1 everywhere, and small internal topics so they are created quickly.
                default.replication.factor=1
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                transaction.state.log.num.partitions=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                # A 2-core dev machine or CI runner: few threads.
                num.network.threads=2
                num.io.threads=2
                num.recovery.threads.per.data.dir=1
                background.threads=2
                """.formatted(port, controllerPort, workDir.resolve("data").toString().replace('\\', '/'));
        Path file = workDir.resolve("server.properties");
        Files.writeString(file, config);
        return file;
    }

    /** A broker left by a run whose JVM was killed (owner pid in broker.pid is gone) still holds the data dir: kill it. */
    private static void killStaleBroker(Path workDir) throws IOException {
        Path pidFile = workDir.resolve("broker.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String[] pids = Files.readString(pidFile).strip().split(" ");
        ProcessHandle.of(Long.parseLong(pids[0])).filter(ProcessHandle::isAlive).ifPresent(broker -> {
            if (ProcessHandle.of(Long.parseLong(pids[1])).map(ProcessHandle::isAlive).orElse(false)) {
                throw new IllegalStateException("A Kafka broker (pid " + broker.pid() + ") of a running JVM already uses " + workDir);
            }
            if (broker.info().commandLine().orElse("").contains(KafkaBrokerProcess.class.getName())) {
                broker.destroyForcibly();
                broker.onExit().orTimeout(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
            }
        });
        Files.delete(pidFile);
    }

    /** Kafka cluster ids are 16 random bytes, base64url without padding (what {@code kafka-storage random-uuid} prints). */
    /**
     * A KRaft cluster id: 16 random bytes, URL-safe base64. Never one that starts with '-', which the storage tool's
     * argument parser reads as an option ("--cluster-id: expected one argument"): one start in 64 failed so.
     */
    static String randomClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean logContains(Path log, long offset, String text) throws IOException {
        byte[] bytes = Files.readAllBytes(log);
        // ISO-8859-1 decodes any byte, and the marker is ASCII.
        return new String(bytes, StandardCharsets.ISO_8859_1).indexOf(text, (int) offset) >= 0;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
