package io.tradecore.kernel.saga;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.function.Actor;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.RequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes step functions: each reads {@code saga.{name}}, takes the commands addressed to it by function name, and
 * hands them to its work as a {@link Command} whose idempotency key is the saga command's id, acting as the system
 * on behalf of the saga's user. A command delivered twice therefore takes effect once. A step that throws is
 * logged and left to the saga's timeout, which retries or compensates: the saga never waits on a lost answer. An
 * answer refused because the saga stopped waiting for it ({@link SagaRuntime#claimAnswer}) is noted in the saga's
 * timeline as {@code late-answer-refused}.
 */
public final class SagaSteps {

    private static final Logger log = LoggerFactory.getLogger(SagaSteps.class);

    private final JsonMapper json;
    private final SagaStore store;
    private final Clock clock;

    public SagaSteps(JsonMapper json, SagaStore store, Clock clock) {
        this.json = json;
        this.store = store;
        this.clock = clock;
    }

    public <T> Consumer<List<byte[]>> step(String function, Class<T> bodyType, Consumer<Command<T>> work) {
        return records -> {
            for (byte[] record : records) {
                JsonNode message;
                try {
                    message = json.readTree(new String(record, StandardCharsets.UTF_8));
                } catch (RuntimeException unreadable) {
                    log.error("step {}: skipping a record that is not a saga command", function);
                    continue;
                }
                if (!function.equals(message.path("function").asString(""))) {
                    continue;
                }
                String commandId = message.path("commandId").asString();
                try (var correlation = MDC.putCloseable("sagaCommandId", commandId)) {
                    work.accept(command(message, commandId, json.treeToValue(message.get("body"), bodyType)));
                } catch (Rejection late) {
                    if (!SagaRuntime.LATE_ANSWER.equals(late.code())) {
                        log.warn("step {}: command {} refused; the saga's timeout decides: {} ({})", function,
                                commandId, late.code(), late.reason());
                        continue;
                    }
                    log.info("step {}: command {} answered too late, not recorded: {}", function, commandId,
                            late.reason());
                    var ref = SagaRuntime.CommandRef.parse(commandId);
                    store.note(message.path("sagaId").asString(), List.of(new SagaTransition.Entry(
                            ref == null ? null : ref.step(), "late-answer-refused", commandId,
                            "the saga no longer waited for this attempt; its outcome was not recorded",
                            clock.instant())));
                } catch (RuntimeException failed) {
                    log.warn("step {}: command {} failed; the saga's timeout decides: {}", function, commandId,
                            failed.toString());
                }
            }
        };
    }

    private static <T> Command<T> command(JsonNode message, String commandId, T body) {
        UUID requestId = UUID.nameUUIDFromBytes(commandId.getBytes(StandardCharsets.UTF_8));
        UUID correlation = UUID.nameUUIDFromBytes(message.path("sagaId").asString().getBytes(StandardCharsets.UTF_8));
        String userId = message.path("userId").isNull() ? null : message.path("userId").asString(null);
        var context = new RequestContext(requestId, correlation, Actor.system(userId), null, null, null, null)
                .withIdempotencyKey(commandId, "saga:" + message.path("function").asString());
        return new Command<>(body, context);
    }
}
