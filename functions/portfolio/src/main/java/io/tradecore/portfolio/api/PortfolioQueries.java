package io.tradecore.portfolio.api;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.Texts;
import io.tradecore.portfolio.domain.PortfolioId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The inputs of portfolio's query functions. */
public final class PortfolioQueries {

    private PortfolioQueries() {
    }

    public record ListPortfolios() {
    }

    public record GetPortfolio(PortfolioId portfolioId) {
        public GetPortfolio {
            Texts.present(portfolioId, "portfolioId");
        }
    }

    public record GetExposure(PortfolioId portfolioId) {
        public GetExposure {
            Texts.present(portfolioId, "portfolioId");
        }
    }

    /** How finely a series is read: the last value of each minute (as stored), hour or UTC day. */
    public enum Interval {
        MINUTE(Duration.ofMinutes(1)), HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1));

        private final Duration step;

        Interval(Duration step) {
            this.step = step;
        }

        public Duration step() {
            return step;
        }

        static Interval parse(String text) {
            if (text == null || text.isBlank()) {
                return MINUTE;
            }
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Rejection.invalid("interval", "interval must be minute, hour or day");
            }
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A time window of a portfolio's series. {@code from} and {@code to} are ISO instants or UTC dates
     * ({@code 2025-03-03} = its midnight); absent, the window starts at the beginning and ends now. The window
     * may span at most ten years.
     */
    public record Window(PortfolioId portfolioId, String from, String to, String interval, BigDecimal riskFreeRate) {
        public Window {
            Texts.present(portfolioId, "portfolioId");
            Instant start = from == null ? null : instant(from, "from");
            Instant end = to == null ? null : instant(to, "to");
            if (start != null && end != null && !start.isBefore(end)) {
                throw Rejection.invalid("from", "from must be before to");
            }
            Interval.parse(interval);
            if (riskFreeRate != null && (riskFreeRate.compareTo(BigDecimal.valueOf(-1)) <= 0
                    || riskFreeRate.compareTo(BigDecimal.ONE) > 0)) {
                throw Rejection.invalid("riskFreeRate", "riskFreeRate is an annual rate as a fraction, e.g. 0.04");
            }
        }

        public Instant start() {
            return from == null ? null : instant(from, "from");
        }

        /** The window's end: {@code to}, else {@code now}. */
        public Instant end(Instant now) {
            return to == null ? now : instant(to, "to");
        }

        public Interval step() {
            return Interval.parse(interval);
        }

        public double annualRiskFreeRate() {
            return riskFreeRate == null ? 0 : riskFreeRate.doubleValue();
        }

        private static Instant instant(String text, String field) {
            try {
                return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw Rejection.invalid(field, field + " must be an ISO instant (2025-03-03T15:00:00Z) or a date");
            }
        }
    }
}
