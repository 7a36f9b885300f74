package io.tradecore.portfolio.domain.performance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The deepest fall of the growth index (the chained sub-period returns of {@link Returns}, so deposits and
 * withdrawals neither hide nor fake a drawdown), as a fraction of the peak before it: {@code 1 - trough / peak}.
 * Its duration runs from the peak to the first point back at or above the peak, or, if none, to {@code asOf}.
 * No fall gives a depth of zero and no times.
 */
public record Drawdown(BigDecimal depth, Instant peakAt, Instant troughAt, Instant recoveredAt, Duration duration) {

    public static Drawdown of(List<EquityPoint> series, Instant asOf) {
        if (series.isEmpty()) {
            return new Drawdown(BigDecimal.ZERO, null, null, null, null);
        }
        BigDecimal index = BigDecimal.ONE;
        BigDecimal peak = BigDecimal.ONE;
        Instant peakAt = series.getFirst().at();
        BigDecimal deepest = BigDecimal.ZERO;
        Instant deepestPeak = null;
        Instant deepestTrough = null;
        BigDecimal deepestPeakValue = null;
        Instant recovered = null;
        for (int i = 1; i < series.size(); i++) {
            BigDecimal r = Returns.subPeriod(series.get(i - 1), series.get(i));
            if (r != null) {
                index = index.multiply(BigDecimal.ONE.add(r), Returns.MATH);
            }
            Instant at = series.get(i).at();
            if (index.compareTo(peak) >= 0) {
                if (deepestPeakValue != null && recovered == null && deepestPeak.equals(peakAt)) {
                    recovered = at;
                }
                if (index.compareTo(peak) > 0) {
                    peak = index;
                    peakAt = at;
                }
                continue;
            }
            BigDecimal depth = BigDecimal.ONE.subtract(index.divide(peak, Returns.MATH));
            if (depth.compareTo(deepest) > 0) {
                deepest = depth;
                deepestPeak = peakAt;
                deepestPeakValue = peak;
                deepestTrough = at;
                recovered = null;
            }
        }
        if (deepestPeak == null) {
            return new Drawdown(BigDecimal.ZERO, null, null, null, null);
        }
        Instant end = recovered != null ? recovered : asOf;
        return new Drawdown(deepest, deepestPeak, deepestTrough, recovered, Duration.between(deepestPeak, end));
    }
}
