package io.tradecore.position.api;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.Texts;
import io.tradecore.position.domain.AccountId;
import io.tradecore.position.domain.Symbol;

/** The inputs of position's query functions. An absent {@code accountId} means every account the caller may see. */
public final class PositionQueries {

    private PositionQueries() {
    }

    public record ListPositions(AccountId accountId) {
    }

    public record GetPosition(AccountId accountId, Symbol symbol) {
        public GetPosition {
            Texts.present(accountId, "accountId");
            Texts.present(symbol, "symbol");
        }
    }

    /** {@code page} from 0; {@code size} 1 to 200, 50 when absent. */
    public record ListClosedPositions(AccountId accountId, Integer page, Integer size) {
        public ListClosedPositions {
            page = page == null ? 0 : page;
            size = size == null ? 50 : size;
            if (page < 0) {
                throw Rejection.invalid("page", "page must be 0 or more");
            }
            if (size < 1 || size > 200) {
                throw Rejection.invalid("size", "size must be 1 to 200");
            }
        }
    }
}
