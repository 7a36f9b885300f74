package io.tradecore.kernel.maintenance;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.eventstore.EventCodec;
import io.tradecore.kernel.eventstore.EventStore;
import io.tradecore.kernel.projection.Checkpoints;
import io.tradecore.kernel.projection.Projection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds, repairs and integrity checks of any projection that declares its {@link Projection#tables() tables}:
 * the operator's entry point. A rebuild replays the event store into shadow copies of the tables while the live
 * ones keep serving, catches up, and swaps them in, checkpoints included, in one short transaction (see
 * {@link ReadModelRebuild}); a check replays the same way up to the live checkpoints and compares row by row (see
 * {@link IntegrityCheck}). Runs started by a command go on in the background; their progress is in
 * {@link MaintenanceRuns}.
 */
public final class ReadModelMaintenance {

    private static final Logger log = LoggerFactory.getLogger(ReadModelMaintenance.class);

    /** The kernel's collaborators a run needs. */
    record Tools(EventCodec codec, EventStore store, JdbcClient jdbc, TransactionTemplate transactions,
                 Checkpoints checkpoints, MaintenanceRuns runs, IntegrityIssues issues, Executor reader,
                 int batchSize, String lockTimeout) {
    }

    private final Supplier<List<Projection<?>>> projections;
    private final Tools tools;
    private final ExecutorService background;
    private final Supplier<UUID> ids;

    public ReadModelMaintenance(Supplier<List<Projection<?>>> projections, EventCodec codec, EventStore store,
                                JdbcClient jdbc, TransactionTemplate transactions, Checkpoints checkpoints,
                                IntegrityIssues issues, java.time.Clock clock, Supplier<UUID> ids,
                                ExecutorService background, Executor reader, int batchSize, String lockTimeout) {
        this.projections = projections;
        this.tools = new Tools(codec, store, jdbc, transactions, checkpoints, new MaintenanceRuns(jdbc, clock), issues,
                reader, batchSize, lockTimeout);
        this.background = background;
        this.ids = ids;
    }

    /** Starts a rebuild, repair or check in the background; 404 for an unknown projection, 409 while one runs. */
    public RunProgress start(String projectionName, RunProgress.Kind kind, String requestedBy) {
        Projection<?> projection = maintainable(projectionName);
        RunProgress started = tools.runs().start(ids.get(), projection.name(), kind, requestedBy);
        background.execute(() -> run(projection, started.runId(), kind));
        return started;
    }

    /** Runs one to its end in the caller's thread (the scheduled check). */
    public RunProgress runNow(String projectionName, RunProgress.Kind kind, String requestedBy) {
        Projection<?> projection = maintainable(projectionName);
        RunProgress started = tools.runs().start(ids.get(), projection.name(), kind, requestedBy);
        run(projection, started.runId(), kind);
        return progress(started.runId()).orElseThrow();
    }

    public Optional<RunProgress> progress(UUID runId) {
        return tools.runs().get(runId);
    }

    /** The projections of this process that can be rebuilt and checked: those that declare their tables. */
    public List<String> maintainableProjections() {
        return projections.get().stream().filter(p -> !p.tables().isEmpty()).map(Projection::name).sorted().toList();
    }

    public IntegrityIssues issues() {
        return tools.issues();
    }

    private Projection<?> maintainable(String name) {
        Projection<?> projection = projections.get().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> Rejection.notFound("projection-not-found", "no projection named " + name
                        + " runs in this process"));
        if (projection.tables().isEmpty()) {
            throw Rejection.unprocessable("tables-not-declared", "projection " + name
                    + " does not declare its tables, so it cannot be rebuilt or checked");
        }
        return projection;
    }

    private void run(Projection<?> projection, UUID runId, RunProgress.Kind kind) {
        String live = tools.jdbc().sql("SELECT current_schema()").query(String.class).single();
        String shadowSchema = "rm_" + HexFormat.of().formatHex(uuidBytes(runId)).substring(20);
        ShadowTables shadow = new ShadowTables(live, shadowSchema, projection.tables());
        Set<String> types = eventTypesOf(projection);
        try {
            long total = tools.jdbc().sql("SELECT count(*) FROM event_store_events WHERE event_type = ANY(?)")
                    .param(types.toArray(String[]::new)).query(Long.class).single();
            tools.runs().phase(runId, "preparing", total);
            log.info("{} {} of {}: {} events to replay into schema {}", kind.label(), runId, projection.name(), total,
                    shadowSchema);
            tools.transactions().executeWithoutResult(status -> shadow.create(tools.jdbc()));
            ProgressLog progress = new ProgressLog(tools.runs(), runId, projection.name(), kind.label(), total);
            if (kind == RunProgress.Kind.CHECK) {
                long differences = new IntegrityCheck<>(projection, tools, shadow, types, progress, runId).run();
                tools.runs().finish(runId, "done", differences, null);
                log.info("check {} of {}: {} differences", runId, projection.name(), differences);
            } else {
                new ReadModelRebuild<>(projection, tools, shadow, types, progress, runId,
                        kind == RunProgress.Kind.REPAIR).run();
                tools.runs().finish(runId, "done", null, null);
                progress.finished();
            }
        } catch (RuntimeException | Error failure) {
            log.error("{} {} of {} failed", kind.label(), runId, projection.name(), failure);
            tools.runs().finish(runId, "failed", null, String.valueOf(failure));
        } finally {
            try {
                tools.transactions().executeWithoutResult(status -> shadow.drop(tools.jdbc()));
            } catch (RuntimeException e) {
                log.warn("could not drop schema {}: {}", shadowSchema, e.toString());
            }
        }
    }

    /** The stored type names the projection reads: its own events' and, through its view, other domains'. */
    private Set<String> eventTypesOf(Projection<?> projection) {
        Set<String> types = new java.util.TreeSet<>(tools.codec().typeNamesOf(projection.eventType()));
        if (projection.foreignEvents() != null) {
            types.addAll(projection.foreignEvents().typeNames());
        }
        return types;
    }

    /** A swap that waited too long for running queries gives way and tries again. */
    static boolean lockTimedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static byte[] uuidBytes(UUID id) {
        return java.nio.ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array();
    }

    /** Counts applied events into the run's row and logs progress every few seconds. */
    static final class ProgressLog implements java.util.function.LongConsumer {
        private final MaintenanceRuns runs;
        private final UUID runId;
        private final String projection;
        private final String kind;
        private final long total;
        private final long started = System.nanoTime();
        private long applied;
        private long lastLog = System.nanoTime();

        ProgressLog(MaintenanceRuns runs, UUID runId, String projection, String kind, long total) {
            this.runs = runs;
            this.runId = runId;
            this.projection = projection;
            this.kind = kind;
            this.total = total;
        }

        @Override
        public void accept(long events) {
            if (events == 0) {
                return;
            }
            applied += events;
            runs.applied(runId, events);
            if (System.nanoTime() - lastLog > 5_000_000_000L) {
                lastLog = System.nanoTime();
                log.info("{} {} of {}: {} of {} events, {} events/s", kind, runId, projection, applied, total, rate());
            }
        }

        void phase(String phase) {
            runs.phase(runId, phase, null);
            log.info("{} {} of {}: {} ({} events applied)", kind, runId, projection, phase, applied);
        }

        void finished() {
            log.info("{} {} of {}: done, {} events in {} ms, {} events/s", kind, runId, projection, applied,
                    (System.nanoTime() - started) / 1_000_000, rate());
        }

        private long rate() {
            return Math.round(applied / Math.max((System.nanoTime() - started) / 1e9, 1e-3));
        }
    }

    static List<List<String>> chunks(List<String> items, int size) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return chunks;
    }
}
