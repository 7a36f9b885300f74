package io.tradecore.kernel.policy;

import io.tradecore.kernel.command.Aggregates;
import io.tradecore.kernel.command.CommandBatch;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.eventstore.EventCodec;
import io.tradecore.kernel.eventstore.EventEnvelope;
import io.tradecore.kernel.eventstore.EventStore;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.projection.ParkedEvents;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs policies over batches of deliveries. Each command a policy sends is its own transaction, keyed for
 * idempotency by (policy, event id, command index): a redelivered event, or one retried after a crash half-way
 * through its commands, finds the commands already done and repeats none of them. Events are handled in delivery
 * order; one that keeps failing is parked with the later events of its stream (order is kept), where operators see
 * and retry it, and the rest of the batch goes on.
 *
 * <p>A policy declared {@linkplain Policy#inBatches() in batches} has, when a delivery holds a backlog (a few events
 * or more), the commands of up to {@code batchSize} events committed in one transaction ({@link CommandBatch}). If
 * that transaction fails for any reason, it is rolled back; the events before the one that failed it commit together
 * again, that one is handled on its own, one command per transaction as above, and batching goes on after it. The
 * bound keeps each transaction short: the outbox relay publishes nothing committed after a transaction that is still
 * open.
 */
public final class PolicyRuntime {

    private static final Logger log = LoggerFactory.getLogger(PolicyRuntime.class);
    /** Events a delivery must hold for a batched policy to commit them in batches. */
    private static final int BACKLOG = 4;

    private final EventCodec codec;
    private final EventStore store;
    private final ParkedEvents parked;
    private final int attempts;
    private final TransactionTemplate transactions;
    private final Aggregates aggregates;
    private final int batchSize;
    private final Map<String, Policy<?>> policies = new ConcurrentHashMap<>();

    public PolicyRuntime(EventCodec codec, EventStore store, ParkedEvents parked, TransactionTemplate transactions,
                         int attempts, Aggregates aggregates, int batchSize) {
        this.transactions = transactions;
        this.aggregates = aggregates;
        this.batchSize = batchSize;
        this.codec = codec;
        this.store = store;
        this.parked = parked;
        this.attempts = attempts;
    }

    /** The function for a batch of Kafka record values as the relay wrote them (binder batch or Lambda batch). */
    public <F> Consumer<List<byte[]>> consumer(Policy<F> policy) {
        if (policies.putIfAbsent(policy.name(), policy) != null) {
            throw new IllegalStateException("two policies named " + policy.name());
        }
        return records -> handle(policy, records);
    }

    private <F> void handle(Policy<F> policy, List<byte[]> records) {
        List<EventEnvelope<Object>> events = new ArrayList<>(records.size());
        for (byte[] record : records) {
            try {
                events.add(decode(policy, record));
            } catch (RuntimeException undecodable) {
                EventCodec.Reference reference = codec.referenceOf(record);
                if (reference == null) {
                    log.error("policy {}: skipping a record that is not an event envelope", policy.name(), undecodable);
                } else {
                    log.error("policy {}: parking stream {} at version {}: cannot decode", policy.name(),
                            reference.streamId(), reference.version(), undecodable);
                    park(policy, reference, undecodable);
                }
            }
        }
        // Most of a topic's traffic is not for this policy (passed over unread): it costs no query.
        List<EventEnvelope<Object>> taken = events.stream().filter(e -> policy.eventType().isInstance(e.payload())).toList();
        if (taken.isEmpty()) {
            return;
        }
        Set<String> parkedStreams = new HashSet<>(parked.parkedAmong(policy.name(),
                taken.stream().map(EventEnvelope::streamId).distinct().toList()));
        // A short delivery (the consumer is keeping up) goes one command per transaction: each event's commands are
        // visible as soon as they are done. Batches are for a backlog, where commits are what there is to save.
        if (policy.batched() && batchSize > 1 && taken.size() >= BACKLOG) {
            handleInBatches(policy, taken, parkedStreams);
        } else {
            handleOneByOne(policy, taken, parkedStreams);
        }
    }

    /**
     * Up to {@code batchSize} events' commands per transaction. When one event fails a batch (a refusal, a lost race, a
     * busy stream), the events before it go again as one transaction, it goes on its own, and batching resumes after
     * it: a refusal costs the redo of the events before it, not one transaction per event for the rest of the batch.
     */
    private <F> void handleInBatches(Policy<F> policy, List<EventEnvelope<Object>> taken, Set<String> parkedStreams) {
        int from = 0;
        while (from < taken.size()) {
            if (!parkedStreams.isEmpty()) {
                // Later events of a parked stream must join it, in order: the one-by-one path keeps that.
                handleOneByOne(policy, taken.subList(from, taken.size()), parkedStreams);
                return;
            }
            List<EventEnvelope<Object>> batch = taken.subList(from, Math.min(taken.size(), from + batchSize));
            int failedAt = inOneTransaction(policy, batch);
            if (failedAt < 0) {
                from += batch.size();
            } else if (failedAt == batch.size()) {
                handleOneByOne(policy, batch, parkedStreams); // the commit itself failed: no event to single out
                from += batch.size();
            } else {
                List<EventEnvelope<Object>> before = batch.subList(0, failedAt);
                if (inOneTransaction(policy, before) >= 0) {
                    handleOneByOne(policy, before, parkedStreams);
                }
                handleOneByOne(policy, batch.subList(failedAt, failedAt + 1), parkedStreams);
                from += failedAt + 1;
            }
        }
    }

    /**
     * The events' commands in one transaction: -1 when it committed (or there was nothing to commit), else the index
     * of the event being handled when it rolled back ({@code events.size()} when the commit failed).
     */
    private <F> int inOneTransaction(Policy<F> policy, List<EventEnvelope<Object>> events) {
        if (events.isEmpty()) {
            return -1;
        }
        int[] current = {0};
        try {
            CommandBatch.run(aggregates, transactions, () -> {
                for (; current[0] < events.size(); current[0]++) {
                    react(policy, events.get(current[0]));
                }
                return null;
            });
            return -1;
        } catch (RuntimeException failed) {
            log.debug("policy {}: {} events in one transaction rolled back at the {}th: {}", policy.name(),
                    events.size(), current[0] + 1, failed.toString());
            return current[0];
        }
    }

    private <F> void handleOneByOne(Policy<F> policy, List<EventEnvelope<Object>> taken, Set<String> parkedStreams) {
        for (EventEnvelope<Object> event : taken) {
            if (parkedStreams.contains(event.streamId())) {
                park(policy, referenceOf(event), new IllegalStateException("an earlier event of this stream is parked"));
                continue;
            }
            RuntimeException failure = handleWithRetries(policy, event);
            if (failure != null) {
                log.error("policy {}: parking stream {} at version {}", policy.name(), event.streamId(),
                        event.version(), failure);
                park(policy, referenceOf(event), failure);
                parkedStreams.add(event.streamId());
            }
        }
    }

    /** Null when handled (or not of interest); the last failure when every attempt failed. */
    private <F> RuntimeException handleWithRetries(Policy<F> policy, EventEnvelope<Object> event) {
        if (!policy.eventType().isInstance(event.payload())) {
            return null;
        }
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                react(policy, event);
                return null;
            } catch (RuntimeException e) {
                failure = e;
                log.warn("policy {}: event {} failed (attempt {} of {}): {}", policy.name(), event.eventId(), attempt,
                        attempts, e.toString());
            }
        }
        return failure;
    }

    private <F> void react(Policy<F> policy, EventEnvelope<Object> event) {
        @SuppressWarnings("unchecked")
        EventEnvelope<F> typed = (EventEnvelope<F>) (EventEnvelope<?>) event;
        try (var correlation = MDC.putCloseable("correlationId", String.valueOf(event.metadata().correlationId()))) {
            policy.reaction().react(typed, new KeyedSender(policy.name(), typed));
        }
    }

    /**
     * Handles a stream's parked events again, in order, and releases them; the operator's retry. Commands that took
     * effect before are found by their keys and not repeated. Throws (and keeps them parked) if one still fails.
     */
    public int retryParked(String policyName, String streamId) {
        Policy<?> policy = policies.get(policyName);
        if (policy == null) {
            throw Rejection.notFound("policy-not-found", "no policy named " + policyName);
        }
        return retry(policy, streamId);
    }

    public boolean has(String policyName) {
        return policies.containsKey(policyName);
    }

    private <F> int retry(Policy<F> policy, String streamId) {
        List<Long> versions = parked.parkedVersions(policy.name(), streamId);
        int handled = 0;
        for (long version : versions) {
            var stored = store.readStored(streamId, version - 1, version);
            if (stored.isEmpty()) {
                continue;
            }
            EventEnvelope<Object> event = policy.events() == null ? codec.decode(stored.getFirst())
                    : codec.decode(stored.getFirst(), policy.events());
            RuntimeException failure = handleWithRetries(policy, event);
            if (failure != null) {
                throw failure;
            }
            parked.releaseVersion(policy.name(), streamId, version);
            handled++;
        }
        parked.releaseIfEmpty(policy.name(), streamId);
        return handled;
    }

    private void park(Policy<?> policy, EventCodec.Reference event, Throwable cause) {
        transactions.executeWithoutResult(status -> parked.parkReference(policy.name(), event, cause));
    }

    private EventEnvelope<Object> decode(Policy<?> policy, byte[] record) {
        // Only the events it reacts to are bound; the rest of its topics' traffic passes over unread.
        return codec.fromMessage(record, policy.events(), policy.eventType());
    }

    private static EventCodec.Reference referenceOf(EventEnvelope<?> event) {
        return new EventCodec.Reference(event.streamId(), event.version(), event.position(), event.type().name());
    }

    /** Sends the commands of one event, numbering them so each keeps its idempotency key across redeliveries. */
    private static final class KeyedSender implements Policy.Sender {
        private final String policy;
        private final EventEnvelope<?> cause;
        private int index;

        KeyedSender(String policy, EventEnvelope<?> cause) {
            this.policy = policy;
            this.cause = cause;
        }

        @Override
        public <C, R> Policy.Outcome<R> send(Function<Command<C>, R> handler, C body) {
            return sendUnder(policy + ":" + cause.eventId() + ":" + index++, handler, body);
        }

        @Override
        public <C, R> Policy.Outcome<R> send(String key, Function<Command<C>, R> handler, C body) {
            return sendUnder(policy + ":" + cause.eventId() + ":k:" + key, handler, body);
        }

        private <C, R> Policy.Outcome<R> sendUnder(String key, Function<Command<C>, R> handler, C body) {
            Command<C> command = Command.causedBy(cause, body);
            command = new Command<>(body, command.context().withIdempotencyKey(key, "policy:" + policy));
            try {
                return new Policy.Outcome<>(handler.apply(command), null);
            } catch (Rejection refused) {
                log.info("policy {}: {} refused for event {}: {} ({})", policy, body.getClass().getSimpleName(),
                        cause.eventId(), refused.code(), refused.reason());
                return new Policy.Outcome<>(null, refused);
            }
        }
    }
}
