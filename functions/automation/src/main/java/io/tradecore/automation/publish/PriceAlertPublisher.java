package io.tradecore.automation.publish;

import io.tradecore.kernel.eventstore.EventCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Puts every {@code alert.triggered} of {@code transport.automation} onto {@code alerts.price} as well: the same
 * record (the relay's envelope, unchanged), keyed by the same stream id, so per-book order and event ids carry over.
 * It is a consumer of a topic the relay already fed from the event store, not a second write beside the event
 * store: nothing is written twice from one command, and a batch counts as handled only once Kafka acknowledged every
 * republished record, else it fails and is delivered again. Delivery is at least once; consumers of
 * {@code alerts.price} de-duplicate by event id, as every consumer of the bus does.
 */
public final class PriceAlertPublisher {

    public static final String NAME = "publishPriceAlerts";
    /** The topic, before the deployment's prefix. */
    public static final String TOPIC = "alerts.price";
    public static final String TRIGGERED = "alert.triggered";

    private final EventCodec codec;
    private final Supplier<Producer<String, byte[]>> producer;
    private final String topic;

    public PriceAlertPublisher(EventCodec codec, Supplier<Producer<String, byte[]>> producer, String topic) {
        this.codec = codec;
        this.producer = producer;
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    /** Republishes the batch's triggered alerts, in batch order, and waits for Kafka's acknowledgements. */
    public int publish(List<byte[]> records) {
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>();
        for (byte[] record : records) {
            EventCodec.Reference event = codec.referenceOf(record);
            if (event != null && TRIGGERED.equals(event.eventType())) {
                acks.add(send(event.streamId(), record));
            }
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the price alerts; the batch will come again", e);
        }
        return acks.size();
    }

    private CompletableFuture<RecordMetadata> send(String key, byte[] value) {
        CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
        producer.get().send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
            if (error == null) {
                ack.complete(metadata);
            } else {
                ack.completeExceptionally(error);
            }
        });
        return ack;
    }
}
