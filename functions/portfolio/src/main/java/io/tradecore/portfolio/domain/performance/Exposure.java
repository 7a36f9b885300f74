package io.tradecore.portfolio.domain.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Market value per symbol across a portfolio's accounts (signed: a short is negative) and its share of the
 * portfolio's equity ({@code marketValue / equity}, null when equity is zero or less).
 */
public record Exposure(String symbol, BigDecimal quantity, BigDecimal marketValue, BigDecimal share) {

    /** One holding of one account: its symbol, signed quantity and signed market value. */
    public record Line(String symbol, BigDecimal quantity, BigDecimal marketValue) {
    }

    public static List<Exposure> of(List<Line> lines, BigDecimal equity) {
        Map<String, Line> bySymbol = new TreeMap<>();
        for (Line line : lines) {
            bySymbol.merge(line.symbol(), line, (a, b) -> new Line(a.symbol(), a.quantity().add(b.quantity()),
                    a.marketValue().add(b.marketValue())));
        }
        List<Exposure> exposures = new ArrayList<>();
        for (Line line : bySymbol.values()) {
            if (line.quantity().signum() == 0) {
                continue;
            }
            BigDecimal value = line.marketValue().setScale(2, RoundingMode.HALF_EVEN);
            exposures.add(new Exposure(line.symbol(), line.quantity(), value,
                    equity.signum() <= 0 ? null : line.marketValue().divide(equity, 8, RoundingMode.HALF_EVEN)));
        }
        return exposures;
    }
}
