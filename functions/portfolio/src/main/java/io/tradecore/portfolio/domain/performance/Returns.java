package io.tradecore.portfolio.domain.performance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Time-weighted and money-weighted returns of an equity series, both for the whole series (not annualized).
 *
 * <p>Sub-period return between points {@code i-1} and {@code i}: {@code r = (E[i] - F) / E[i-1] - 1}, where
 * {@code F = netFlows[i] - netFlows[i-1]} is the external flow in between, taken as arriving at the end of the
 * sub-period (so it is in {@code E[i]} but earns nothing). This is exact when a point is recorded right after each
 * flow, which the projection does (a flow is an event of its own). A sub-period starting at a value of zero or
 * less (an account before its first deposit) has no return and is left out of the chain.
 *
 * <p>TWR chains the sub-period returns: {@code prod(1 + r) - 1}; flows do not move it. MWR is the internal rate of
 * return of the investor's cash flows: the starting value invested at the first point, each later flow invested
 * (a deposit) or taken out (a withdrawal) at its point, and the end value taken out at the last point, with time
 * measured as a fraction of the whole series, so it is a rate for the same period as the TWR and the two can be
 * compared. Ratios are {@link BigDecimal} at {@link MathContext#DECIMAL64}; the IRR is solved in doubles
 * ({@link Irr}), as fractional powers demand.
 */
public final class Returns {

    static final MathContext MATH = MathContext.DECIMAL64;

    private Returns() {
    }

    /** The return of each sub-period that has one, in order. */
    public static List<BigDecimal> subPeriod(List<EquityPoint> series) {
        List<BigDecimal> returns = new ArrayList<>();
        for (int i = 1; i < series.size(); i++) {
            BigDecimal r = subPeriod(series.get(i - 1), series.get(i));
            if (r != null) {
                returns.add(r);
            }
        }
        return returns;
    }

    /** The return from {@code before} to {@code after}, or null when {@code before} is worth zero or less. */
    public static BigDecimal subPeriod(EquityPoint before, EquityPoint after) {
        if (before.equity().signum() <= 0) {
            return null;
        }
        BigDecimal flow = after.netFlows().subtract(before.netFlows());
        return after.equity().subtract(flow).divide(before.equity(), MATH).subtract(BigDecimal.ONE);
    }

    /** The time-weighted return; null when no sub-period has a return. */
    public static BigDecimal timeWeighted(List<EquityPoint> series) {
        List<BigDecimal> returns = subPeriod(series);
        if (returns.isEmpty()) {
            return null;
        }
        BigDecimal growth = BigDecimal.ONE;
        for (BigDecimal r : returns) {
            growth = growth.multiply(BigDecimal.ONE.add(r), MATH);
        }
        return growth.subtract(BigDecimal.ONE);
    }

    /** The money-weighted return for the series' period; null when the series spans no time or has no root. */
    public static Double moneyWeighted(List<EquityPoint> series) {
        if (series.size() < 2) {
            return null;
        }
        EquityPoint first = series.getFirst();
        EquityPoint last = series.getLast();
        double span = Duration.between(first.at(), last.at()).toMillis();
        if (span <= 0) {
            return null;
        }
        List<Irr.CashFlow> flows = new ArrayList<>();
        flows.add(new Irr.CashFlow(0, first.equity().negate().doubleValue()));
        for (int i = 1; i < series.size(); i++) {
            BigDecimal flow = series.get(i).netFlows().subtract(series.get(i - 1).netFlows());
            if (flow.signum() != 0) {
                double t = Duration.between(first.at(), series.get(i).at()).toMillis() / span;
                flows.add(new Irr.CashFlow(t, flow.negate().doubleValue()));
            }
        }
        flows.add(new Irr.CashFlow(1, last.equity().doubleValue()));
        return Irr.solve(flows);
    }
}
