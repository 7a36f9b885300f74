package io.tradecore.datasync.sync;

import io.tradecore.datasync.domain.SyncEvent.SyncRequested;
import io.tradecore.kernel.eventstore.EventCodec;
import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.outbox.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Puts {@code sync.requested} events onto {@code worker.data-sync.sync-requests}, the worker's queue. The event is
 * first committed to the store (the single write) and published by the outbox relay to {@code transport.data_sync};
 * this step reads that bus and copies the requests, unchanged and keyed by stream id, to the worker topic. A batch
 * counts as handled only once Kafka acknowledged every copy, so a crash copies again (the worker is idempotent), and
 * nothing is ever written to two places in one step.
 */
public final class SyncRequestRouting {

    public static final String TOPIC = "worker.data-sync.sync-requests";

    private final EventCodec codec;
    private final Producer<String, byte[]> producer;
    private final String topic;

    public SyncRequestRouting(EventCodec codec, Producer<String, byte[]> producer, Topics topics) {
        this.codec = codec;
        this.producer = producer;
        this.topic = topic(topics);
    }

    public static String topic(Topics topics) {
        return topics.prefix() + TOPIC;
    }

    public int forward(List<byte[]> batch) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (byte[] value : batch) {
            EventEnvelope<Object> event = codec.fromMessage(value);
            if (event.payload() instanceof SyncRequested) {
                acks.add(producer.send(new ProducerRecord<>(topic, event.streamId(), value)));
            }
        }
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while forwarding sync requests", e);
            } catch (Exception e) {
                throw new IllegalStateException("sync requests not acknowledged by Kafka; the batch is redelivered", e);
            }
        }
        return acks.size();
    }

    /** The requests in a batch of the worker topic, in order. */
    public List<SyncRequested> requests(List<byte[]> batch) {
        List<SyncRequested> requests = new ArrayList<>();
        for (byte[] value : batch) {
            if (codec.fromMessage(value).payload() instanceof SyncRequested request) {
                requests.add(request);
            }
        }
        return requests;
    }
}
