package io.tradecore.brokeraccount.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One page of an account's ledger, newest first. */
public record ActivityPage(List<Activity> items, int page, int size, long total) {

    /**
     * One ledger line: {@code kind} is {@code deposit}, {@code withdrawal}, {@code fill} or {@code fee};
     * {@code amount} is the signed change of cash; {@code cash} the balance after the event. Trade fields are null
     * for transfers, {@code transferId} for trades.
     */
    public record Activity(String kind, BigDecimal amount, BigDecimal cash, String transferId, String orderId,
                           String fillId, String symbol, String side, BigDecimal quantity, BigDecimal price,
                           Instant at, long version) {
    }
}
