package io.tradecore.portfolio.chart;

import io.tradecore.portfolio.domain.performance.EquityPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * An equity curve as a self-contained SVG document a browser shows directly: a title, a y axis with the lowest,
 * middle and highest value, an x axis with the first and last time (UTC), and the curve as one polyline. An empty
 * series gives the same frame with "No equity data for this period". Every text is XML-escaped.
 */
public final class EquityChart {

    static final int WIDTH = 800;
    static final int HEIGHT = 400;
    private static final int LEFT = 90;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private EquityChart() {
    }

    public static String render(String title, List<EquityPoint> series) {
        StringBuilder svg = new StringBuilder(512 + series.size() * 24);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n")
                .append(text(WIDTH / 2, 24, "middle", "font-size=\"16\" font-weight=\"bold\"", title))
                .append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM))
                .append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
        if (series.isEmpty()) {
            svg.append(text((LEFT + WIDTH - RIGHT) / 2, (TOP + HEIGHT - BOTTOM) / 2, "middle", "fill=\"#666666\"",
                    "No equity data for this period"));
        } else {
            plot(svg, series);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void plot(StringBuilder svg, List<EquityPoint> series) {
        BigDecimal low = series.stream().map(EquityPoint::equity).min(BigDecimal::compareTo).orElseThrow();
        BigDecimal high = series.stream().map(EquityPoint::equity).max(BigDecimal::compareTo).orElseThrow();
        double lowValue = low.doubleValue();
        double span = high.doubleValue() - lowValue;
        Instant first = series.getFirst().at();
        Instant last = series.getLast().at();
        double duration = Math.max(1, last.toEpochMilli() - first.toEpochMilli());
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder points = new StringBuilder();
        for (EquityPoint point : series) {
            double x = series.size() == 1 ? LEFT + plotWidth / 2
                    : LEFT + (point.at().toEpochMilli() - first.toEpochMilli()) / duration * plotWidth;
            double y = span == 0 ? TOP + plotHeight / 2
                    : TOP + (1 - (point.equity().doubleValue() - lowValue) / span) * plotHeight;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        BigDecimal middle = low.add(high).divide(BigDecimal.TWO, 2, RoundingMode.HALF_EVEN);
        int bottom = HEIGHT - BOTTOM;
        svg.append(text(LEFT - 8, span == 0 ? TOP + (int) plotHeight / 2 + 4 : bottom + 4, "end", "", money(low)));
        if (span != 0) {
            svg.append(text(LEFT - 8, TOP + (int) plotHeight / 2 + 4, "end", "", money(middle)))
                    .append(text(LEFT - 8, TOP + 4, "end", "", money(high)));
        }
        svg.append(text(LEFT, bottom + 20, "start", "", TIME.format(first)))
                .append(text(WIDTH - RIGHT, bottom + 20, "end", "", TIME.format(last)))
                .append(text((LEFT + WIDTH - RIGHT) / 2, HEIGHT - 10, "middle", "fill=\"#666666\"", "time (UTC)"))
                .append("<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"")
                .append(points.toString().strip()).append("\"/>\n");
    }

    private static String money(BigDecimal value) {
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    private static String line(int x1, int y1, int x2, int y2) {
        return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2
                + "\" stroke=\"#333333\" stroke-width=\"1\"/>\n";
    }

    private static String text(int x, int y, String anchor, String attributes, String content) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\""
                + (attributes.isEmpty() ? "" : " " + attributes) + ">" + escape(content) + "</text>\n";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        escaped.append('\uFFFD'); // not allowed in XML 1.0
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
