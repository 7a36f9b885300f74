package io.tradecore.kernel.saga;

import io.tradecore.kernel.saga.SagaState.Deadline;
import io.tradecore.kernel.saga.SagaState.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saga state, its outgoing commands, its due time and its timeline in PostgreSQL. State is versioned: an update
 * names the version it read and changes nothing if another writer moved the saga on first, so a worker that
 * paused (and lost its Redis lock) cannot overwrite newer state. Callers run {@link #record} in the same
 * transaction as the state change it belongs to.
 */
public final class SagaStore {

    /** A saga's state with the version it was read at. */
    public record Stored<D>(SagaState<D> state, long version, String owner) {
    }

    /** One line of a saga's timeline as stored. */
    public record TimelineRow(long seq, String step, String what, String commandId, String detail, Instant at) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public SagaStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public <D> void insert(SagaDefinition<D> definition, SagaState<D> state) {
        jdbc.sql("""
                        INSERT INTO saga_instances (saga_id, saga_name, user_id, version, status, step, attempt, data,
                                                    started_at, updated_at)
                        VALUES (:id, :name, :owner, 1, :status, :step, :attempt, CAST(:data AS jsonb), :started, :updated)""")
                .param("id", state.sagaId()).param("name", state.saga())
                .param("owner", definition.owner().apply(state.data())).param("status", state.status().name())
                .param("step", state.step()).param("attempt", state.attempt())
                .param("data", json.writeValueAsString(state.data()))
                .param("started", Timestamp.from(state.startedAt())).param("updated", Timestamp.from(state.updatedAt()))
                .update();
    }

    /** True when the saga was still at {@code expectedVersion}; false (nothing written) when it had moved on. */
    public boolean update(SagaState<?> state, long expectedVersion) {
        return jdbc.sql("""
                        UPDATE saga_instances SET version = version + 1, status = :status, step = :step,
                               attempt = :attempt, failed_step = :failedStep, failure_code = :code,
                               failure_reason = :reason, updated_at = :updated
                        WHERE saga_id = :id AND version = :expected""")
                .param("status", state.status().name()).param("step", state.step()).param("attempt", state.attempt())
                .param("failedStep", state.failedStep()).param("code", state.code()).param("reason", state.reason())
                .param("updated", Timestamp.from(state.updatedAt())).param("id", state.sagaId())
                .param("expected", expectedVersion).update() == 1;
    }

    public <D> Optional<Stored<D>> load(SagaDefinition<D> definition, String sagaId) {
        return load(definition, sagaId, "");
    }

    /**
     * Loads and row-locks the saga until the transaction ends. Every transition and every participant's claim of an
     * answer ({@link #claimAnswer}) takes this lock first, so the two meet in one order at the database: a timeout
     * and a late answer cannot both win.
     */
    <D> Optional<Stored<D>> lock(SagaDefinition<D> definition, String sagaId) {
        return load(definition, sagaId, " FOR UPDATE");
    }

    private <D> Optional<Stored<D>> load(SagaDefinition<D> definition, String sagaId, String locking) {
        return jdbc.sql("SELECT * FROM saga_instances WHERE saga_id = :id AND saga_name = :name" + locking)
                .param("id", sagaId).param("name", definition.name())
                .query((rs, n) -> new Stored<>(state(definition, rs), rs.getLong("version"), rs.getString("user_id")))
                .optional();
    }

    /** The ids of {@code owner}'s sagas of this definition, whatever their status, oldest first. */
    public List<String> idsOwnedBy(SagaDefinition<?> definition, String owner) {
        return jdbc.sql("""
                        SELECT saga_id FROM saga_instances WHERE saga_name = :name AND user_id = :owner
                        ORDER BY started_at, saga_id""")
                .param("name", definition.name()).param("owner", owner).query(String.class).list();
    }

    /** True while {@code due} is still the saga's due time (not replaced, dropped or claimed by an answer). */
    boolean holds(String sagaId, Deadline due) {
        return jdbc.sql("""
                        SELECT count(*) FROM saga_deadlines
                        WHERE saga_id = :id AND kind = :kind AND step = :step AND attempt = :attempt""")
                .param("id", sagaId).param("kind", due.kind().name()).param("step", due.step())
                .param("attempt", due.attempt()).query(Long.class).single() > 0;
    }

    /**
     * A participant's answer to attempt {@code attempt} of step {@code step} takes the step's timeout away, in the
     * participant's transaction; false when the saga no longer waits for that attempt (its timeout fired first, or
     * the saga moved on), and then nothing is written.
     */
    <D> boolean claimAnswer(SagaDefinition<D> definition, String sagaId, int step, int attempt) {
        Optional<Stored<D>> stored = lock(definition, sagaId);
        if (stored.isEmpty()) {
            return false;
        }
        SagaState<D> state = stored.get().state();
        if (state.status() != Status.RUNNING || state.step() != step || state.attempt() != attempt) {
            return false;
        }
        return jdbc.sql("""
                        DELETE FROM saga_deadlines
                        WHERE saga_id = :id AND kind = 'TIMEOUT' AND step = :step AND attempt = :attempt""")
                .param("id", sagaId).param("step", step).param("attempt", attempt).update() == 1;
    }

    /**
     * Timeline lines that come with no state change (an ignored reply, a refused late answer), written on their own;
     * a line already there with the same text is not written again, so a redelivery adds nothing.
     */
    public void note(String sagaId, List<SagaTransition.Entry> entries) {
        for (SagaTransition.Entry entry : entries) {
            jdbc.sql("""
                            INSERT INTO saga_timeline (saga_id, step, what, command_id, detail, at)
                            SELECT CAST(:id AS TEXT), CAST(:step AS TEXT), CAST(:what AS TEXT),
                                   CAST(:command AS TEXT), CAST(:detail AS TEXT), :at
                            WHERE NOT EXISTS (SELECT 1 FROM saga_timeline
                                              WHERE saga_id = CAST(:id AS TEXT) AND what = CAST(:what AS TEXT)
                                                AND step IS NOT DISTINCT FROM CAST(:step AS TEXT)
                                                AND command_id IS NOT DISTINCT FROM CAST(:command AS TEXT)
                                                AND detail IS NOT DISTINCT FROM CAST(:detail AS TEXT))""")
                    .param("id", sagaId).param("step", entry.step()).param("what", entry.what())
                    .param("command", entry.commandId()).param("detail", entry.detail())
                    .param("at", Timestamp.from(entry.at())).update();
        }
    }

    /** The commands, due time and timeline of a transition, written with its state change. */
    public void record(SagaDefinition<?> definition, String owner, SagaTransition<?> transition) {
        String sagaId = transition.state().sagaId();
        for (SagaTransition.Command command : transition.commands()) {
            jdbc.sql("""
                            INSERT INTO saga_commands (command_id, saga_id, saga_name, step, function_name, user_id,
                                                       body, recorded_at)
                            VALUES (:id, :saga, :name, :step, :function, :owner, CAST(:body AS jsonb), :at)
                            ON CONFLICT (command_id) DO NOTHING""")
                    .param("id", command.id()).param("saga", sagaId).param("name", definition.name())
                    .param("step", command.step()).param("function", command.function()).param("owner", owner)
                    .param("body", json.writeValueAsString(command.body()))
                    .param("at", Timestamp.from(transition.state().updatedAt())).update();
        }
        jdbc.sql("DELETE FROM saga_deadlines WHERE saga_id = :id").param("id", sagaId).update();
        Deadline due = transition.deadline();
        if (due != null) {
            jdbc.sql("""
                            INSERT INTO saga_deadlines (saga_id, saga_name, kind, step, attempt, due_at)
                            VALUES (:id, :name, :kind, :step, :attempt, :due)""")
                    .param("id", sagaId).param("name", definition.name()).param("kind", due.kind().name())
                    .param("step", due.step()).param("attempt", due.attempt()).param("due", Timestamp.from(due.dueAt()))
                    .update();
        }
        for (SagaTransition.Entry entry : transition.timeline()) {
            jdbc.sql("""
                            INSERT INTO saga_timeline (saga_id, step, what, command_id, detail, at)
                            VALUES (:id, :step, :what, :command, :detail, :at)""")
                    .param("id", sagaId).param("step", entry.step()).param("what", entry.what())
                    .param("command", entry.commandId()).param("detail", entry.detail())
                    .param("at", Timestamp.from(entry.at())).update();
        }
    }

    /** A due time that changed nothing (it was superseded) is dropped, so it does not fire again. */
    public void dropDeadline(String sagaId, Deadline due) {
        jdbc.sql("DELETE FROM saga_deadlines WHERE saga_id = :id AND kind = :kind AND step = :step AND attempt = :attempt")
                .param("id", sagaId).param("kind", due.kind().name()).param("step", due.step())
                .param("attempt", due.attempt()).update();
    }

    /** Due times of {@code saga} that have come, oldest first. */
    public List<DueSaga> due(String saga, Instant now, int limit) {
        return jdbc.sql("""
                        SELECT saga_id, kind, step, attempt, due_at FROM saga_deadlines
                        WHERE saga_name = :name AND due_at <= :now ORDER BY due_at LIMIT :limit""")
                .param("name", saga).param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, n) -> new DueSaga(rs.getString("saga_id"), new Deadline(
                        Deadline.Kind.valueOf(rs.getString("kind")), rs.getInt("step"), rs.getInt("attempt"),
                        rs.getTimestamp("due_at").toInstant()))).list();
    }

    public record DueSaga(String sagaId, Deadline deadline) {
    }

    public List<TimelineRow> timeline(String sagaId) {
        return jdbc.sql("SELECT * FROM saga_timeline WHERE saga_id = :id ORDER BY seq").param("id", sagaId)
                .query((rs, n) -> new TimelineRow(rs.getLong("seq"), rs.getString("step"), rs.getString("what"),
                        rs.getString("command_id"), rs.getString("detail"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    private <D> SagaState<D> state(SagaDefinition<D> definition, ResultSet rs) throws SQLException {
        return new SagaState<>(rs.getString("saga_id"), rs.getString("saga_name"),
                json.readValue(rs.getString("data"), definition.dataType()), Status.valueOf(rs.getString("status")),
                rs.getInt("step"), rs.getInt("attempt"), rs.getString("failed_step"), rs.getString("failure_code"),
                rs.getString("failure_reason"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
