package io.tradecore.virtualbroker.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The broker's configurable frictions: market slippage in basis points (buys pay up, sells receive less), commission
 * per share with a minimum per fill (0 and 0: free), and the most one order may fill on one tick (null: no limit).
 */
public record MatchingRules(BigDecimal slippageBps, BigDecimal commissionPerShare, BigDecimal commissionMinimum,
                            BigDecimal maxFillQuantityPerTick) {

    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

    /** No slippage, no commission, no partial fills. */
    public static final MatchingRules FRICTIONLESS =
            new MatchingRules(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null);

    public MatchingRules {
        slippageBps = slippageBps == null ? BigDecimal.ZERO : slippageBps;
        commissionPerShare = commissionPerShare == null ? BigDecimal.ZERO : commissionPerShare;
        commissionMinimum = commissionMinimum == null ? BigDecimal.ZERO : commissionMinimum;
        if (slippageBps.signum() < 0 || commissionPerShare.signum() < 0 || commissionMinimum.signum() < 0) {
            throw new IllegalArgumentException("slippage and commissions cannot be negative");
        }
        if (maxFillQuantityPerTick != null && maxFillQuantityPerTick.signum() <= 0) {
            throw new IllegalArgumentException("max-fill-quantity-per-tick must be positive (or unset)");
        }
    }

    /** The price a market fill gets at {@code price}: moved against the client by the slippage. */
    public BigDecimal marketFill(Side side, BigDecimal price) {
        BigDecimal shift = price.multiply(slippageBps).divide(BPS, 8, RoundingMode.HALF_EVEN);
        return Prices.price(side == Side.BUY ? price.add(shift) : price.subtract(shift));
    }

    public BigDecimal commission(BigDecimal quantity) {
        return Prices.cash(commissionPerShare.multiply(quantity).max(commissionMinimum));
    }

    /** How much of {@code leaves} one tick may fill. */
    public BigDecimal fillable(BigDecimal leaves) {
        return maxFillQuantityPerTick == null ? leaves : leaves.min(maxFillQuantityPerTick);
    }
}
