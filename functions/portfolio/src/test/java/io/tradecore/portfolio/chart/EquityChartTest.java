package io.tradecore.portfolio.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.portfolio.domain.performance.EquityPoint;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class EquityChartTest {

    private static final Instant T0 = Instant.parse("2025-03-03T15:00:00Z");

    private static EquityPoint point(int day, String equity) {
        return new EquityPoint(T0.plusSeconds(86_400L * day), new BigDecimal(equity), BigDecimal.ZERO);
    }

    private static Element parse(String svg) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    @Test
    void the_curve_spans_the_plot_from_the_first_to_the_last_point_lowest_at_the_bottom() throws Exception {
        String svg = EquityChart.render("Equity", List.of(point(0, "10000"), point(1, "11000"), point(2, "9000")));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "equity-chart-sample.svg"), svg);

        Element root = parse(svg);
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        String points = ((Element) root.getElementsByTagNameNS("*", "polyline").item(0)).getAttribute("points");
        // x from 90 (left edge) to 780 (800 - 20); y: 11 000 at the top (40), 9 000 at the bottom (350), 10 000 halfway
        assertThat(points).isEqualTo("90.0,195.0 435.0,40.0 780.0,350.0");
        assertThat(svg).contains(">9,000.00<").contains(">10,000.00<").contains(">11,000.00<")
                .contains(">2025-03-03 15:00<").contains(">2025-03-05 15:00<");
    }

    @Test
    void a_flat_or_single_point_series_is_drawn_across_the_middle() throws Exception {
        String points = ((Element) parse(EquityChart.render("Flat", List.of(point(0, "5"))))
                .getElementsByTagNameNS("*", "polyline").item(0)).getAttribute("points");
        assertThat(points).isEqualTo("435.0,195.0");
    }

    @Test
    void an_empty_series_gives_a_frame_that_says_so() throws Exception {
        String svg = EquityChart.render("Nothing yet", List.of());
        Element root = parse(svg);
        assertThat(root.getElementsByTagNameNS("*", "polyline").getLength()).isZero();
        assertThat(root.getElementsByTagNameNS("*", "line").getLength()).isEqualTo(2);
        assertThat(svg).contains("No equity data for this period");
    }

    @Test
    void text_is_escaped() throws Exception {
        String svg = EquityChart.render("<script>alert('x')</script> & \"co\"\u0001", List.of());
        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;");
        assertThat(parse(svg).getElementsByTagNameNS("*", "title").item(0).getTextContent())
                .isEqualTo("<script>alert('x')</script> & \"co\"\uFFFD");
    }
}
