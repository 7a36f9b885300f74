package io.tradecore.kernel.config;

import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.catalog.FunctionCatalogIndex;
import io.tradecore.kernel.catalog.FunctionKind;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the catalog's job functions on their {@code rate(...)} schedules when all functions share one process
 * (local-dev). In a deploy, the platform's scheduler invokes the same functions instead.
 */
public final class LocalJobScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LocalJobScheduler.class);
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (second|minute|hour|day)s?\\)");

    private final FunctionCatalogIndex catalog;
    private final FunctionCatalog functions;
    private ScheduledExecutorService executor;

    public LocalJobScheduler(FunctionCatalogIndex catalog, FunctionCatalog functions) {
        this.catalog = catalog;
        this.functions = functions;
    }

    static Duration period(String schedule) {
        Matcher matcher = RATE.matcher(schedule);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("local jobs run on rate(...) schedules: " + schedule);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "second" -> Duration.ofSeconds(amount);
            case "minute" -> Duration.ofMinutes(amount);
            case "hour" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("local-jobs").daemon().factory());
        catalog.entries().filter(entry -> entry.kind() == FunctionKind.JOB && entry.schedule() != null)
                .forEach(this::schedule);
    }

    private void schedule(CatalogEntry job) {
        Supplier<?> function = functions.lookup(Supplier.class, job.name());
        if (function == null) {
            throw new IllegalStateException("catalog names job '" + job.name() + "' but no Supplier bean has that name");
        }
        long period = period(job.schedule()).toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                log.info("job {}: {}", job.name(), function.get());
            } catch (RuntimeException e) {
                log.warn("job {} failed: {}", job.name(), e.toString());
            }
        }, period, period, TimeUnit.MILLISECONDS);
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
