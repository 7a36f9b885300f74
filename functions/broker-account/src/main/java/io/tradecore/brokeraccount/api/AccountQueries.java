package io.tradecore.brokeraccount.api;

import io.tradecore.brokeraccount.domain.AccountId;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.Texts;

/** The inputs of broker_account's query functions. */
public final class AccountQueries {

    private AccountQueries() {
    }

    public record GetAccountById(AccountId accountId) {
        public GetAccountById {
            Texts.present(accountId, "accountId");
        }
    }

    /** The caller's own accounts. */
    public record ListAccounts() {
    }

    /** {@code page} from 0; {@code size} 1 to 200, 50 when absent. */
    public record ListAccountActivities(AccountId accountId, Integer page, Integer size) {
        public ListAccountActivities {
            Texts.present(accountId, "accountId");
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
