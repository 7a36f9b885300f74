package io.tradecore.position.domain;

import io.tradecore.kernel.domain.Texts;
import java.time.Instant;
import java.util.UUID;

/** What can be asked of a position. Only fills move a position; nobody opens or closes one by hand. */
public sealed interface PositionCommand {

    AccountId accountId();

    Symbol symbol();

    /** The position's stream: {@code position-{accountId}-{SYMBOL}}. */
    default String streamId() {
        return Positions.streamId(accountId(), symbol());
    }

    /** Nets one execution into the account's position in the symbol; {@code at} is when the fill happened. */
    record RecordFill(AccountId accountId, UUID userId, Symbol symbol, String fillId, String orderId, Side side,
                      Quantity quantity, Price price, Instant at) implements PositionCommand {
        public RecordFill {
            Texts.present(accountId, "accountId");
            Texts.present(userId, "userId");
            Texts.present(symbol, "symbol");
            Texts.required(fillId, "fillId");
            Texts.present(side, "side");
            Texts.present(quantity, "quantity");
            Texts.present(price, "price");
            Texts.present(at, "at");
        }
    }
}
