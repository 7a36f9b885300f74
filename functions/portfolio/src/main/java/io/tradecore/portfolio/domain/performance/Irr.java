package io.tradecore.portfolio.domain.performance;

import java.util.List;

/**
 * The internal rate of return of dated cash flows: the {@code r} where {@code sum(amount * (1 + r)^-t) = 0}.
 * Newton's method from the simple-return guess, kept inside {@code r > -1}; when it does not converge, bisection
 * over a bracket with a sign change. Doubles: fractional powers leave no exact decimal answer anyway.
 */
public final class Irr {

    /** {@code amount} paid in (negative) or taken out (positive) at time {@code t} (in periods from the start). */
    public record CashFlow(double t, double amount) {
    }

    private static final double TOLERANCE = 1e-12;
    private static final int NEWTON_STEPS = 50;
    private static final int BISECTION_STEPS = 200;

    private Irr() {
    }

    /** The rate, or null when the flows have no root above -100% (e.g. all of one sign). */
    public static Double solve(List<CashFlow> flows) {
        double scale = flows.stream().mapToDouble(flow -> Math.abs(flow.amount())).max().orElse(0);
        if (scale == 0) {
            return null;
        }
        Double newton = newton(flows, scale, guess(flows));
        return newton != null ? newton : bisection(flows, scale);
    }

    static double value(List<CashFlow> flows, double rate) {
        double sum = 0;
        for (CashFlow flow : flows) {
            sum += flow.amount() * Math.pow(1 + rate, -flow.t());
        }
        return sum;
    }

    private static double derivative(List<CashFlow> flows, double rate) {
        double sum = 0;
        for (CashFlow flow : flows) {
            sum += -flow.t() * flow.amount() * Math.pow(1 + rate, -flow.t() - 1);
        }
        return sum;
    }

    /** Gain over money paid in: a fair start in the usual case. */
    private static double guess(List<CashFlow> flows) {
        double in = 0;
        double sum = 0;
        for (CashFlow flow : flows) {
            sum += flow.amount();
            in += Math.max(0, -flow.amount());
        }
        return in == 0 ? 0 : Math.max(-0.9, sum / in);
    }

    private static Double newton(List<CashFlow> flows, double scale, double start) {
        double rate = start;
        for (int step = 0; step < NEWTON_STEPS; step++) {
            double f = value(flows, rate);
            if (Math.abs(f) <= TOLERANCE * scale) {
                return rate;
            }
            double slope = derivative(flows, rate);
            if (slope == 0 || !Double.isFinite(slope)) {
                return null;
            }
            double next = rate - f / slope;
            if (!Double.isFinite(next) || next <= -1) {
                next = (rate - 1) / 2; // stay above -100%: halve the way to it
            }
            rate = next;
        }
        return null;
    }

    private static Double bisection(List<CashFlow> flows, double scale) {
        double low = -0.999999;
        double high = 1;
        double atLow = value(flows, low);
        while (atLow * value(flows, high) > 0) {
            high = high * 2 + 1;
            if (high > 1e9) {
                return null;
            }
        }
        for (int step = 0; step < BISECTION_STEPS; step++) {
            double middle = (low + high) / 2;
            double atMiddle = value(flows, middle);
            if (Math.abs(atMiddle) <= TOLERANCE * scale) {
                return middle;
            }
            if (atLow * atMiddle <= 0) {
                high = middle;
            } else {
                low = middle;
                atLow = atMiddle;
            }
        }
        return (low + high) / 2;
    }
}
