package io.tradecore.brokeraccount.policy;

import io.tradecore.kernel.eventstore.ForeignEvents;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The data-sync worker's events as broker_account reads them: a connected broker's balances, recorded on the sync
 * stream when they differ from the last observation. {@code at} is when the sync observed them. Only the fields
 * used here.
 */
public sealed interface SyncEvents {

    ForeignEvents<SyncEvents> VIEW = ForeignEvents.of(SyncEvents.class)
            .on("sync.balance-observed", BalanceObserved.class)
            .build();

    record BalanceObserved(String accountId, String userId, String currency, BigDecimal cash, BigDecimal buyingPower,
                           BigDecimal equity, Instant at) implements SyncEvents {
    }
}
