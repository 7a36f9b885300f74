package io.tradecore.kernel.aws;

import java.util.Comparator;
import java.util.stream.Collectors;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.core.metrics.ApplicationStartup;

/**
 * Where a Lambda's init goes, on request: with {@code -Dtradecore.lambda.startup-report=N} the context records
 * Spring's startup steps and prints the N longest (bean instantiations, configuration-class parsing, condition
 * evaluation, refresh phases) to stderr. Off by default: recording costs a little itself.
 */
record StartupReport(int lines, ApplicationStartup startup, long started) {

    static StartupReport requested() {
        int lines = Integer.getInteger("tradecore.lambda.startup-report", 0);
        return new StartupReport(lines, lines > 0 ? new BufferingApplicationStartup(100_000) : ApplicationStartup.DEFAULT,
                System.nanoTime());
    }

    /** Prints when the JVM exits, so the beans the handler and the first invocation create are in it too. */
    void printAtExit() {
        if (startup instanceof BufferingApplicationStartup) {
            long run = (System.nanoTime() - started) / 1_000_000;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> print(run)));
        }
    }

    private void print(long run) {
        if (!(startup instanceof BufferingApplicationStartup buffering)) {
            return;
        }
        System.err.printf("SpringApplication.run: %d ms%n", run);
        StartupTimeline timeline = buffering.getBufferedTimeline();
        System.err.println(timeline.getEvents().stream()
                .sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
                .limit(lines)
                .map(event -> String.format("%6d ms  %s %s", event.getDuration().toMillis(),
                        event.getStartupStep().getName(), tags(event)))
                .collect(Collectors.joining("\n", "startup steps, longest first (nested steps include their children):\n", "")));
    }

    private static String tags(StartupTimeline.TimelineEvent event) {
        StringBuilder tags = new StringBuilder();
        event.getStartupStep().getTags().forEach(tag -> tags.append(tag.getKey()).append('=').append(tag.getValue()).append(' '));
        return tags.toString().trim();
    }
}
