package io.tradecore.virtualbroker.feed;

import io.tradecore.virtualbroker.domain.Prices;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;

/**
 * Deterministic price steps: from one seed, the same sequence of prices every run. Each step moves the price by a
 * normally distributed return of {@code volatilityBps} basis points, rounded to cents, never below one cent.
 */
public final class RandomWalk {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final Random random;
    private final double volatility;

    public RandomWalk(long seed, int volatilityBps) {
        this.random = new Random(seed);
        this.volatility = volatilityBps / 10_000.0;
    }

    public BigDecimal next(BigDecimal price) {
        BigDecimal factor = BigDecimal.ONE.add(BigDecimal.valueOf(random.nextGaussian() * volatility));
        BigDecimal next = price.multiply(factor).setScale(2, RoundingMode.HALF_EVEN);
        return Prices.price(next.max(CENT));
    }
}
