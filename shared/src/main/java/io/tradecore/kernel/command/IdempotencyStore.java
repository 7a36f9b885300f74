package io.tradecore.kernel.command;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.function.RequestContext;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The first answer to each (caller, Idempotency-Key). A result is recorded inside the command's own transaction,
 * so a key exists exactly when its effect does; a refusal is recorded on its own, since nothing else was written.
 */
public final class IdempotencyStore {

    /** Another request with the same key committed first; the caller retries and finds its answer. */
    static final class DuplicateRequest extends RuntimeException {
        DuplicateRequest() {
            super(null, null, false, false);
        }
    }

    /** Policies' commands: keyed by (policy, event, index), unique without a user. */
    private static final String SYSTEM_SCOPE = "system";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public IdempotencyStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The first answer under this request's key: a result to return again, or a refusal to raise again. */
    public Optional<CommandResult> replay(RequestContext context) {
        if (context.idempotencyKey() == null) {
            return Optional.empty();
        }
        record Row(String fingerprint, String outcome, String body) {
        }
        Optional<Row> row = jdbc.sql("""
                        SELECT fingerprint, outcome, body::text AS body FROM idempotency_keys
                         WHERE scope = ? AND idempotency_key = ?""")
                .params(scope(context), context.idempotencyKey())
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (!row.get().fingerprint().equals(fingerprint(context))) {
            throw Rejection.unprocessable("idempotency-key-reused",
                    "this Idempotency-Key was already used for a different request");
        }
        JsonNode body = json.readTree(row.get().body());
        if (row.get().outcome().equals("rejection")) {
            throw storedRejection(body);
        }
        return Optional.of(new CommandResult(body.get("streamId").asString(), body.get("version").asLong(),
                body.get("position").isNull() ? null : body.get("position").asLong(),
                body.get("consistencyToken").asString(), body.get("created").asBoolean(), true));
    }

    /** Records the result in the current transaction. */
    void recordResult(RequestContext context, CommandResult result) {
        if (context.idempotencyKey() == null) {
            return;
        }
        ObjectNode body = json.createObjectNode()
                .put("streamId", result.streamId())
                .put("version", result.version())
                .put("consistencyToken", result.consistencyToken())
                .put("created", result.created());
        if (result.position() == null) {
            body.putNull("position");
        } else {
            body.put("position", result.position());
        }
        if (insert(context, "result", body) == 0) {
            throw new DuplicateRequest();
        }
    }

    /** Records a refusal on its own; a concurrent first answer wins. */
    void recordRejection(RequestContext context, Rejection rejection) {
        if (context.idempotencyKey() == null) {
            return;
        }
        insert(context, "rejection", json.createObjectNode()
                .put("kind", rejection.kind().name())
                .put("code", rejection.code())
                .put("reason", rejection.reason())
                .put("field", rejection.field()));
    }

    /** Forgets callers' keys older than {@code retention} and policies' keys older than {@code policyRetention}. */
    public int expireOlderThan(java.time.Duration retention, java.time.Duration policyRetention) {
        return jdbc.sql("""
                        DELETE FROM idempotency_keys
                         WHERE created_at < now() - make_interval(secs => CASE WHEN scope = ? THEN ? ELSE ? END)""")
                .params(SYSTEM_SCOPE, (double) policyRetention.toSeconds(), (double) retention.toSeconds()).update();
    }

    private int insert(RequestContext context, String outcome, ObjectNode body) {
        return jdbc.sql("""
                        INSERT INTO idempotency_keys (scope, idempotency_key, fingerprint, outcome, body)
                        VALUES (?, ?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING""")
                .params(scope(context), context.idempotencyKey(), fingerprint(context), outcome, body.toString())
                .update();
    }

    private static Rejection storedRejection(JsonNode body) {
        String code = body.get("code").asString();
        String reason = body.get("reason").asString();
        return switch (Rejection.Kind.valueOf(body.get("kind").asString())) {
            case INVALID -> Rejection.invalid(body.get("field").isNull() ? code : body.get("field").asString(), reason);
            case UNAUTHENTICATED -> Rejection.unauthenticated(code, reason);
            case FORBIDDEN -> Rejection.forbidden(reason);
            case NOT_FOUND -> Rejection.notFound(code, reason);
            case CONFLICT -> Rejection.conflict(code, reason);
            case UNPROCESSABLE -> Rejection.unprocessable(code, reason);
        };
    }

    private static String scope(RequestContext context) {
        if (context.actor().isSystem()) {
            return SYSTEM_SCOPE;
        }
        return context.actor().isAuthenticated() ? "user:" + context.actor().userId() : "anonymous";
    }

    private static String fingerprint(RequestContext context) {
        return context.fingerprint() == null ? "" : context.fingerprint();
    }
}
