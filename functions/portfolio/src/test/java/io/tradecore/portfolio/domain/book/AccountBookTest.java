package io.tradecore.portfolio.domain.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Netting as position does it (TRADING.md), on position's own hand-computed sequence, and valuation of shorts. */
class AccountBookTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void holdings_net_like_positions_do() {
        // buy 100 @ 10, buy 50 @ 13: average (1 000 + 650) / 150 = 11; sell 30 @ 15 keeps 11; sell 120 @ 9 closes;
        // sell 40 @ 8 opens a short at 8; buy 60 @ 7 flips to a long of 20 at 7
        Holding h = Holding.none("ACME").after(true, d("100"), d("10")).after(true, d("50"), d("13"));
        assertThat(h.averageEntry()).isEqualByComparingTo("11");
        h = h.after(false, d("30"), d("15"));
        assertThat(h.quantity()).isEqualByComparingTo("120");
        assertThat(h.averageEntry()).isEqualByComparingTo("11");
        h = h.after(false, d("120"), d("9"));
        assertThat(h.quantity()).isEqualByComparingTo("0");
        h = h.after(false, d("40"), d("8"));
        assertThat(h.quantity()).isEqualByComparingTo("-40");
        assertThat(h.averageEntry()).isEqualByComparingTo("8");
        h = h.after(true, d("60"), d("7"));
        assertThat(h.quantity()).isEqualByComparingTo("20");
        assertThat(h.averageEntry()).isEqualByComparingTo("7");
        assertThat(h.lastFillPrice()).isEqualByComparingTo("7");
    }

    @Test
    void a_short_counts_against_equity_at_the_last_price() {
        // deposit 1 000, short 10 @ 50: cash 1 500 (proceeds), holding -10; at 60 equity = 1 500 - 600 = 900
        AccountBook book = AccountBook.empty().transferred(d("1000"), d("1000"))
                .settled("ACME", false, d("10"), d("50"), d("1500"));
        assertThat(book.equity(Map.of())).isEqualByComparingTo("1000"); // valued at the fill price before any tick
        assertThat(book.equity(Map.of("ACME", d("60")))).isEqualByComparingTo("900");
        assertThat(book.transferred(d("-100"), d("1400")).netFlows()).isEqualByComparingTo("900");
    }
}
