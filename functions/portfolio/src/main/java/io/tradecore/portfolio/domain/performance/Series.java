package io.tradecore.portfolio.domain.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** Operations on equity series (each ordered by time). */
public final class Series {

    private Series() {
    }

    /**
     * A portfolio's series from its accounts' series: at every instant any account has a point, the sum of each
     * account's latest point at or before it (an account without one yet counts as zero).
     */
    public static List<EquityPoint> combine(Collection<List<EquityPoint>> accounts) {
        TreeSet<Instant> instants = new TreeSet<>();
        accounts.forEach(series -> series.forEach(point -> instants.add(point.at())));
        List<List<EquityPoint>> all = List.copyOf(accounts);
        int[] next = new int[all.size()];
        EquityPoint[] latest = new EquityPoint[all.size()];
        List<EquityPoint> combined = new ArrayList<>(instants.size());
        for (Instant at : instants) {
            BigDecimal equity = BigDecimal.ZERO;
            BigDecimal flows = BigDecimal.ZERO;
            for (int i = 0; i < all.size(); i++) {
                List<EquityPoint> series = all.get(i);
                while (next[i] < series.size() && !series.get(next[i]).at().isAfter(at)) {
                    latest[i] = series.get(next[i]++);
                }
                if (latest[i] != null) {
                    equity = equity.add(latest[i].equity());
                    flows = flows.add(latest[i].netFlows());
                }
            }
            combined.add(new EquityPoint(at, equity, flows));
        }
        return combined;
    }

    /** The last point of each bucket, in order; e.g. {@link #dailyCloses}. */
    public static <K> List<EquityPoint> lastPer(List<EquityPoint> series, Function<Instant, K> bucket) {
        Map<K, EquityPoint> last = new LinkedHashMap<>();
        series.forEach(point -> last.put(bucket.apply(point.at()), point));
        return List.copyOf(last.values());
    }

    /** The last point of each UTC calendar day that has one. */
    public static List<EquityPoint> dailyCloses(List<EquityPoint> series) {
        return lastPer(series, Series::day);
    }

    public static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
