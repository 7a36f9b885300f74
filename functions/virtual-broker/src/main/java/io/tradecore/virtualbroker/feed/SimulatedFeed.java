package io.tradecore.virtualbroker.feed;

import io.tradecore.kernel.domain.Ids;
import io.tradecore.kernel.function.Actor;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.function.RequestContext;
import io.tradecore.virtualbroker.book.Market.Reference;
import io.tradecore.virtualbroker.domain.RecordTick;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Posts a tick for every instrument every {@code interval}, through the {@code recordTick} function as the system,
 * so simulated prices take exactly the path of real ones. Each instrument starts from the price {@code instruments}
 * gives for it (its last tick, else its reference price) and then walks on from its own previous step.
 */
public final class SimulatedFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SimulatedFeed.class);

    private final Function<Command<RecordTick>, CommandResult> recordTick;
    private final Supplier<List<Reference>> instruments;
    private final Ids ids;
    private final Duration interval;
    private final RandomWalk walk;
    private final Map<String, BigDecimal> prices = new LinkedHashMap<>();
    private ScheduledExecutorService executor;

    public SimulatedFeed(Function<Command<RecordTick>, CommandResult> recordTick,
                         Supplier<List<Reference>> instruments, Ids ids,
                         Duration interval, RandomWalk walk) {
        this.recordTick = recordTick;
        this.instruments = instruments;
        this.ids = ids;
        this.interval = interval;
        this.walk = walk;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("simulated-feed").daemon().factory());
        long period = interval.toMillis();
        executor.scheduleWithFixedDelay(this::tickAll, period, period, TimeUnit.MILLISECONDS);
        log.info("simulated feed: a tick per instrument every {} ms", period);
    }

    /** One round of ticks: every instrument's next step. */
    public void tickAll() {
        try {
            for (Reference instrument : instruments.get()) {
                BigDecimal price = walk.next(prices.getOrDefault(instrument.symbol().value(), instrument.price()));
                prices.put(instrument.symbol().value(), price);
                RequestContext context = RequestContext.of(ids.next(), Actor.system(null));
                recordTick.apply(new Command<>(new RecordTick(instrument.symbol(), price, null), context));
            }
        } catch (RuntimeException e) {
            log.warn("simulated feed: a round of ticks failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
