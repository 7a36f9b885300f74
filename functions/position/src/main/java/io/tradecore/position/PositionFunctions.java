package io.tradecore.position;

import io.tradecore.kernel.command.Aggregates;
import io.tradecore.kernel.config.KernelConfiguration;
import io.tradecore.kernel.domain.EventTypes;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.function.Actor;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.function.Query;
import io.tradecore.kernel.policy.PolicyRuntime;
import io.tradecore.kernel.projection.ProjectionRuntime;
import io.tradecore.position.api.ClosedPositionPage;
import io.tradecore.position.api.PositionList;
import io.tradecore.position.api.PositionQueries.GetPosition;
import io.tradecore.position.api.PositionQueries.ListClosedPositions;
import io.tradecore.position.api.PositionQueries.ListPositions;
import io.tradecore.position.api.PositionView;
import io.tradecore.position.domain.PositionCommand;
import io.tradecore.position.domain.PositionEvent;
import io.tradecore.position.domain.Positions;
import io.tradecore.position.policy.ImportSyncedFills;
import io.tradecore.position.policy.RecordPositionFills;
import io.tradecore.position.readmodel.PositionProjection;
import io.tradecore.position.readmodel.PositionReadModel;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/** position's function beans; each hands its work to the kernel. Routes and topics: {@link PositionCatalog}. */
@AutoConfiguration(after = KernelConfiguration.class)
public class PositionFunctions {

    @Bean
    EventTypes<PositionEvent> positionEvents() {
        return Positions.EVENTS;
    }

    @Bean
    PositionProjection positionProjection(JdbcClient jdbc) {
        return new PositionProjection(jdbc);
    }

    @Bean
    PositionReadModel positionReadModel(JdbcClient jdbc) {
        return new PositionReadModel(jdbc);
    }

    /** Fills become position changes; only the platform (this policy) may change a position. */
    @Bean
    Consumer<List<byte[]>> recordPositionFills(PolicyRuntime runtime, Aggregates aggregates) {
        return runtime.consumer(RecordPositionFills.policy(positions(aggregates)));
    }

    /** Executions a connected broker reported, brought in by the data-sync worker, net the same way. */
    @Bean
    Consumer<List<byte[]>> importSyncedFills(PolicyRuntime runtime, Aggregates aggregates) {
        return runtime.consumer(ImportSyncedFills.policy(positions(aggregates)));
    }

    private static Function<Command<PositionCommand>, CommandResult> positions(Aggregates aggregates) {
        return aggregates.handler(Positions.AGGREGATE, PositionCommand::streamId)
                .authorizedBy((command, position) -> {
                    if (!command.actor().isSystem()) {
                        throw Rejection.forbidden("positions change only through fills");
                    }
                });
    }

    @Bean
    Consumer<List<byte[]>> projectPositions(ProjectionRuntime runtime, PositionProjection projection) {
        return runtime.consumer(projection);
    }

    @Bean
    Function<Query<ListPositions>, PositionList> listPositions(PositionReadModel positions) {
        return query -> positions.positions(ownerFilter(query.actor()), query.params().accountId());
    }

    @Bean
    Function<Query<GetPosition>, PositionView> getPosition(PositionReadModel positions) {
        return query -> {
            PositionView position = positions.position(query.params().accountId(), query.params().symbol())
                    .orElseThrow(PositionFunctions::positionNotFound);
            query.actor().requireSelfOrAdmin(position.userId(), "position");
            return position;
        };
    }

    @Bean
    Function<Query<ListClosedPositions>, ClosedPositionPage> listClosedPositions(PositionReadModel positions) {
        return query -> positions.closed(ownerFilter(query.actor()), query.params().accountId(),
                query.params().page(), query.params().size());
    }

    /** Whose rows a caller may list: their own, or everyone's for administrators and the platform itself. */
    private static UUID ownerFilter(Actor actor) {
        if (actor.isAdmin() || actor.isSystem()) {
            return null;
        }
        if (actor.userId() == null) {
            throw Rejection.unauthenticated("unauthenticated", "a token is required");
        }
        return UUID.fromString(actor.userId());
    }

    private static Rejection positionNotFound() {
        return Rejection.notFound("position-not-found", "position not found");
    }
}
