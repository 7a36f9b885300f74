package io.tradecore.kernel.config;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.Texts;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.Query;
import io.tradecore.kernel.policy.PolicyRuntime;
import io.tradecore.kernel.projection.ParkedEvents;
import io.tradecore.kernel.projection.Projection;
import io.tradecore.kernel.projection.ProjectionRuntime;
import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Operator functions over the kernel itself, for administrators: parked projection streams. */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

    /** {@code limit}: 1 to 1000, 100 when absent. */
    record ListParked(Integer limit) {
        ListParked {
            limit = limit == null ? 100 : limit;
            if (limit < 1 || limit > 1000) {
                throw Rejection.invalid("limit", "limit must be 1 to 1000");
            }
        }
    }

    record RetryParked(String projection, String streamId) {
        RetryParked {
            Texts.bounded(projection, "projection", 1, 100);
            Texts.bounded(streamId, "streamId", 1, 200);
        }
    }

    record RetryReport(String projection, String streamId, int applied) {
    }

    @Bean
    Function<Query<ListParked>, List<ParkedEvents.Parked>> listParkedEvents(ParkedEvents parked) {
        return query -> {
            query.actor().requireAdmin();
            return parked.list(query.params().limit());
        };
    }

    @Bean
    Function<Command<RetryParked>, RetryReport> retryParkedEvents(ProjectionRuntime runtime, PolicyRuntime policies,
                                                                   ObjectProvider<Projection<?>> projections) {
        return command -> {
            command.actor().requireAdmin();
            RetryParked retry = command.body();
            if (policies.has(retry.projection())) {
                return new RetryReport(retry.projection(), retry.streamId(),
                        policies.retryParked(retry.projection(), retry.streamId()));
            }
            Projection<?> projection = projections.stream().filter(p -> p.name().equals(retry.projection())).findFirst()
                    .orElseThrow(() -> Rejection.notFound("projection-not-found", "no projection named " + retry.projection()));
            return new RetryReport(retry.projection(), retry.streamId(), runtime.retryParked(projection, retry.streamId()));
        };
    }
}
