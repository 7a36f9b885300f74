package io.tradecore.kernel.command;

import io.tradecore.kernel.domain.Aggregate;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.eventstore.EventMetadata;
import io.tradecore.kernel.eventstore.VersionConflict;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.function.RequestContext;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A command function over one aggregate: load, authorize, decide, append, all in one transaction with the
 * idempotency record and the append effects. A lost race (another writer appended first) reloads and decides
 * again, up to a bound; then the caller gets a 409 and may retry.
 */
public final class CommandHandler<C, S, E> implements Function<Command<C>, CommandResult> {

    /** Decides whether the actor may send this command to this aggregate; throws a {@link Rejection} if not. */
    @FunctionalInterface
    public interface Authorization<C, S> {
        void check(Command<C> command, Loaded<S> aggregate);
    }

    /**
     * Work that must commit together with the events (claims of unique values, write-side credentials).
     * Runs inside the append's transaction, after the events are written.
     */
    @FunctionalInterface
    public interface AppendEffect<C, S, E> {
        void apply(Command<C> command, Loaded<S> before, List<E> events);
    }

    private final Aggregates aggregates;
    private final Aggregate<C, S, E> aggregate;
    private final Function<? super C, String> streamId;
    private final IdempotencyStore idempotency;
    private final TransactionTemplate transactions;
    private final int maxAttempts;
    private final Authorization<C, S> authorization;
    private final AppendEffect<C, S, E> effect;

    CommandHandler(Aggregates aggregates, Aggregate<C, S, E> aggregate, Function<? super C, String> streamId,
                   IdempotencyStore idempotency, TransactionTemplate transactions, int maxAttempts) {
        this(aggregates, aggregate, streamId, idempotency, transactions, maxAttempts, (c, a) -> { }, (c, b, e) -> { });
    }

    private CommandHandler(Aggregates aggregates, Aggregate<C, S, E> aggregate, Function<? super C, String> streamId,
                           IdempotencyStore idempotency, TransactionTemplate transactions, int maxAttempts,
                           Authorization<C, S> authorization, AppendEffect<C, S, E> effect) {
        this.aggregates = aggregates;
        this.aggregate = aggregate;
        this.streamId = streamId;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.maxAttempts = maxAttempts;
        this.authorization = authorization;
        this.effect = effect;
    }

    public CommandHandler<C, S, E> authorizedBy(Authorization<C, S> check) {
        return new CommandHandler<>(aggregates, aggregate, streamId, idempotency, transactions, maxAttempts, check, effect);
    }

    /** Adds work to the append's transaction, after any added before. */
    public CommandHandler<C, S, E> withinAppend(AppendEffect<C, S, E> work) {
        AppendEffect<C, S, E> before = effect;
        return new CommandHandler<>(aggregates, aggregate, streamId, idempotency, transactions, maxAttempts,
                authorization, (command, loaded, events) -> {
                    before.apply(command, loaded, events);
                    work.apply(command, loaded, events);
                });
    }

    @Override
    public CommandResult apply(Command<C> command) {
        String stream = streamId.apply(command.body());
        CommandBatch batch = CommandBatch.current();
        if (batch != null) {
            return applyInBatch(command, stream, batch);
        }
        var writer = aggregates.writerLock(stream);
        writer.lock();
        try {
            return applyWithRetries(command, stream);
        } finally {
            writer.unlock();
        }
    }

    private CommandResult applyWithRetries(Command<C> command, String stream) {
        for (int attempt = 1; ; attempt++) {
            try {
                Outcome<S> outcome = transactions.execute(status -> attempt(command, stream));
                if (outcome.state() != null) {
                    aggregates.remember(outcome.state());
                }
                return outcome.result();
            } catch (VersionConflict | IdempotencyStore.DuplicateRequest lostRace) {
                aggregates.forget(stream);
                if (attempt >= maxAttempts) {
                    throw Rejection.conflict("concurrent-modification",
                            "the resource kept changing while this request was applied; retry it");
                }
                // Jitter spreads the retries of writers that collided together.
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000, 2_000_000L * attempt));
            } catch (Rejection rejection) {
                idempotency.recordRejection(command.context(), rejection);
                throw rejection;
            }
        }
    }

    /**
     * One attempt in the batch's transaction. A refusal abandons the batch: its effects may already be written here
     * (an append effect refuses after the append), and one transaction per command is where a refusal is recorded and
     * answered. A lost race or any other failure goes up as it is and rolls the batch back too.
     */
    private CommandResult applyInBatch(Command<C> command, String stream, CommandBatch batch) {
        batch.hold(aggregates.writerLock(stream), stream);
        Outcome<S> outcome;
        try {
            outcome = attempt(command, stream);
        } catch (Rejection refused) {
            throw new CommandBatch.Abandoned("a command was refused (" + refused.code() + ")", refused);
        }
        if (outcome.state() != null) {
            batch.rememberAfterCommit(outcome.state());
        }
        return outcome.result();
    }

    /** What a committed attempt leaves: the answer, and the state to start from next time (null: unchanged). */
    private record Outcome<S>(CommandResult result, Loaded<S> state) {
    }

    private Outcome<S> attempt(Command<C> command, String stream) {
        RequestContext context = command.context();
        var replay = idempotency.replay(context);
        if (replay.isPresent()) {
            return new Outcome<>(replay.get(), null);
        }
        // Reads first: the transaction's first write must come after the stream is read (see EventStore).
        Loaded<S> loaded = aggregates.load(aggregate, stream);
        authorization.check(command, loaded);
        if (context.expectedVersion() != null && context.expectedVersion() != loaded.version()) {
            throw Rejection.conflict("version-mismatch", "expected version " + context.expectedVersion()
                    + " but the resource is at version " + loaded.version());
        }
        List<E> events = aggregate.decider().decide().apply(command.body(), loaded.state());
        CommandResult result;
        Loaded<S> after = null;
        if (events.isEmpty()) {
            result = CommandResult.unchanged(stream, loaded.version());
        } else {
            var metadata = new EventMetadata(context.correlationId(), context.requestId(), context.actor().userId());
            var appended = aggregates.append(aggregate, loaded, events, metadata);
            effect.apply(command, loaded, events);
            result = CommandResult.appended(stream, loaded.version(), appended.version(), appended.position());
            after = new Loaded<>(stream, appended.version(), appended.state());
        }
        idempotency.recordResult(context, result);
        return new Outcome<>(result, after);
    }
}
