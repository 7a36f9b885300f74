package io.tradecore.kernel.saga;

import io.tradecore.kernel.eventstore.EventEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A saga as code: its name (the topic {@code saga.{name}} carries its commands), the type of the data it carries,
 * its steps in order, how it reads its participants' events as replies, and the command it sends when it has
 * failed and compensated.
 *
 * <pre>{@code
 * SagaDefinition.of("broker-connection", Data.class, Data::userId)
 *     .step("validateCredentials", "connectBrokerStep1ValidateCredentials", body, timeout, retry, "cleanUp")
 *     ...
 *     .onFailure("connectBrokerFail", (data, failure) -> ...)
 *     .replies(event -> ...)
 *     .build();
 * }</pre>
 *
 * @param owner   the user the saga acts for (its commands run as the system on that user's behalf)
 * @param replies reads one event as a reply to the saga it names, or empty when the event is none of its business
 */
public record SagaDefinition<D>(String name, Class<D> dataType, Function<D, String> owner, List<SagaStep<D>> steps,
                                String failureFunction, FailureBody<D> failureBody,
                                Function<EventEnvelope<Object>, Optional<SagaReply>> replies) {

    /** The body of the command a failed saga sends last, once compensated. */
    @FunctionalInterface
    public interface FailureBody<D> {
        Object of(D data, String failedStep, String code, String reason);
    }

    public SagaDefinition {
        steps = List.copyOf(steps);
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("saga names are lower-case with dashes: " + name);
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("saga " + name + " has no steps");
        }
        var names = new HashSet<String>();
        steps.forEach(step -> {
            if (!names.add(step.name())) {
                throw new IllegalArgumentException("saga " + name + " names step " + step.name() + " twice");
            }
        });
    }

    public static <D> Builder<D> of(String name, Class<D> dataType, Function<D, String> owner) {
        return new Builder<>(name, dataType, owner);
    }

    public int indexOf(String step) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name().equals(step)) {
                return i;
            }
        }
        return -1;
    }

    public static final class Builder<D> {
        private final String name;
        private final Class<D> dataType;
        private final Function<D, String> owner;
        private final List<SagaStep<D>> steps = new ArrayList<>();
        private String failureFunction;
        private FailureBody<D> failureBody;
        private Function<EventEnvelope<Object>, Optional<SagaReply>> replies = event -> Optional.empty();

        private Builder(String name, Class<D> dataType, Function<D, String> owner) {
            this.name = name;
            this.dataType = dataType;
            this.owner = owner;
        }

        public Builder<D> step(String step, String function, Function<D, Object> body, Duration timeout,
                               RetryPolicy retry, String compensation) {
            steps.add(new SagaStep<>(step, function, body, timeout, retry, compensation));
            return this;
        }

        public Builder<D> onFailure(String function, FailureBody<D> body) {
            this.failureFunction = function;
            this.failureBody = body;
            return this;
        }

        public Builder<D> replies(Function<EventEnvelope<Object>, Optional<SagaReply>> reader) {
            this.replies = reader;
            return this;
        }

        public SagaDefinition<D> build() {
            return new SagaDefinition<>(name, dataType, owner, steps, failureFunction, failureBody, replies);
        }
    }
}
