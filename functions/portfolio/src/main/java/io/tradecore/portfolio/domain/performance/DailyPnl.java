package io.tradecore.portfolio.domain.performance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Profit or loss per UTC day: the change of the daily close less the day's net external flows,
 * {@code (E[d] - E[d-1]) - (F[d] - F[d-1])}; the first day is measured from the series' first point.
 */
public record DailyPnl(LocalDate day, BigDecimal close, BigDecimal flows, BigDecimal pnl, BigDecimal dailyReturn) {

    public static List<DailyPnl> of(List<EquityPoint> series) {
        List<DailyPnl> days = new ArrayList<>();
        if (series.isEmpty()) {
            return days;
        }
        EquityPoint before = series.getFirst();
        for (EquityPoint close : Series.dailyCloses(series)) {
            BigDecimal flows = close.netFlows().subtract(before.netFlows());
            BigDecimal pnl = close.equity().subtract(before.equity()).subtract(flows);
            days.add(new DailyPnl(Series.day(close.at()), close.equity(), flows, pnl,
                    close == before ? null : Returns.subPeriod(before, close)));
            before = close;
        }
        return days;
    }

    /** The daily returns between consecutive closes, as {@link RiskStats} takes them. */
    public static List<BigDecimal> returns(List<EquityPoint> series) {
        return Returns.subPeriod(Series.dailyCloses(series));
    }
}
