package io.tradecore.brokeraccount.api;

import io.tradecore.brokeraccount.domain.AccountId;
import io.tradecore.brokeraccount.domain.Money;
import io.tradecore.kernel.domain.Texts;
import java.math.BigDecimal;

/** The bodies of broker_account's HTTP commands, checked as they are read. */
public final class AccountRequests {

    private AccountRequests() {
    }

    /** {@code currency} defaults to USD, {@code allowShorting} to false. */
    public record OpenAccountRequest(String name, String currency, Boolean allowShorting) {
        public OpenAccountRequest {
            name = Texts.bounded(Texts.required(name, "name").strip(), "name", 1, 100);
            allowShorting = allowShorting != null && allowShorting;
        }
    }

    /** A deposit or a withdrawal: {@code accountId} from the URL, {@code amount} in whole cents. */
    public record TransferRequest(AccountId accountId, BigDecimal amount) {
        public TransferRequest {
            Texts.present(accountId, "accountId");
            Money.transfer(amount);
        }

        public Money money() {
            return Money.transfer(amount);
        }
    }
}
