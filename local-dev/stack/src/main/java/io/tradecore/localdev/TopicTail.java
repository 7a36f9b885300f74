package io.tradecore.localdev;

import ch.qos.logback.classic.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints what a topic holds, one record per line ({@code partition/offset key value}):
 * {@code TopicTail <topic> [key]}. With a key (a stream id) only that key's partition is read, found the way the
 * producer's partitioner picks it, so the tail stays quick on a topic that benchmarks have filled. Reads from the
 * beginning up to the end offsets seen at start, without a consumer group, so it leaves no trace on the broker.
 * Broker: {@code TRADECORE_KAFKA_BOOTSTRAP_SERVERS}, default {@code 127.0.0.1:9092}.
 */
public final class TopicTail {

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: TopicTail <topic> [key]");
            System.exit(2);
        }
        // Without Spring to configure it, logback would log every Kafka client step at DEBUG.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        String topic = args[0];
        String key = args.length > 1 ? args[1] : null;
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getenv().getOrDefault("TRADECORE_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false); // a mistyped topic is not created
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            int count = consumer.partitionsFor(topic, Duration.ofSeconds(10)).size();
            List<TopicPartition> partitions = IntStream.range(0, count)
                    .filter(partition -> key == null || partition == partitionOf(key, count))
                    .mapToObj(partition -> new TopicPartition(topic, partition))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key == null || key.equals(record.key())) {
                        System.out.println(record.partition() + "/" + record.offset() + " " + record.key() + " "
                                + new String(record.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }

    /** The producer's partition for a keyed record: murmur2 of the key bytes, modulo the partition count. */
    private static int partitionOf(String key, int partitionCount) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitionCount;
    }
}
