package io.tradecore.virtualbroker.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.virtualbroker.book.Market.Reference;
import io.tradecore.virtualbroker.domain.RecordTick;
import io.tradecore.virtualbroker.domain.Symbol;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SimulatedFeedTest {

    @Test
    void the_same_seed_walks_the_same_prices_and_never_below_a_cent() {
        List<BigDecimal> first = walk(new RandomWalk(42, 10), "190", 50);
        assertThat(walk(new RandomWalk(42, 10), "190", 50)).isEqualTo(first);
        assertThat(walk(new RandomWalk(43, 10), "190", 50)).isNotEqualTo(first);
        assertThat(walk(new RandomWalk(1, 5_000), "0.02", 200)).allMatch(p -> p.compareTo(new BigDecimal("0.01")) >= 0);
    }

    @Test
    void a_round_posts_one_tick_per_instrument_as_the_system_and_walks_on_from_its_own_prices() {
        List<Command<RecordTick>> posted = new ArrayList<>();
        var instruments = List.of(new Reference(new Symbol("AAPL"), new BigDecimal("190")),
                new Reference(new Symbol("SPY"), new BigDecimal("540")));
        var feed = new SimulatedFeed(command -> {
            posted.add(command);
            return CommandResult.unchanged("vb-symbol-" + command.body().symbol(), 1);
        }, () -> instruments, UUID::randomUUID, Duration.ofSeconds(1), new RandomWalk(42, 10));

        feed.tickAll();
        feed.tickAll();

        assertThat(posted).extracting(command -> command.body().symbol().value())
                .containsExactly("AAPL", "SPY", "AAPL", "SPY");
        assertThat(posted).allMatch(command -> command.actor().isSystem() && command.body().at() == null);
        List<BigDecimal> expected = new ArrayList<>();
        RandomWalk same = new RandomWalk(42, 10);
        BigDecimal aapl = same.next(new BigDecimal("190"));
        BigDecimal spy = same.next(new BigDecimal("540"));
        expected.addAll(List.of(aapl, spy, same.next(aapl), same.next(spy)));
        assertThat(posted).extracting(command -> command.body().price()).isEqualTo(expected);
    }

    private static List<BigDecimal> walk(RandomWalk walk, String start, int steps) {
        List<BigDecimal> prices = new ArrayList<>();
        BigDecimal price = new BigDecimal(start);
        for (int i = 0; i < steps; i++) {
            price = walk.next(price);
            prices.add(price);
        }
        return prices;
    }
}
