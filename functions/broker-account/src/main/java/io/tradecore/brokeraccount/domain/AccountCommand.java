package io.tradecore.brokeraccount.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.Texts;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/** What can be asked of an account. {@code at} comes from the function's clock, never from the decider. */
public sealed interface AccountCommand {

    AccountId accountId();

    Instant at();

    /** {@code broker} is {@code virtual} for a paper account; {@code connectionId} names a real broker's link. */
    record OpenAccount(AccountId accountId, String userId, String broker, String connectionId, String name,
                       String currency, boolean allowShorting, Instant at) implements AccountCommand {
        public OpenAccount {
            Texts.present(accountId, "accountId");
            Texts.required(userId, "userId");
            Texts.required(broker, "broker");
            name = Texts.bounded(Texts.required(name, "name").strip(), "name", 1, 100);
            currency = currency(currency);
        }

        private static String currency(String code) {
            if (code == null) {
                return "USD";
            }
            try {
                return Currency.getInstance(code).getCurrencyCode();
            } catch (IllegalArgumentException e) {
                throw Rejection.invalid("currency", "currency must be an ISO 4217 code such as USD");
            }
        }
    }

    record DepositFunds(AccountId accountId, UUID transferId, Money amount, Instant at) implements AccountCommand {
    }

    record WithdrawFunds(AccountId accountId, UUID transferId, Money amount, Instant at) implements AccountCommand {
    }

    /** The buying-power gate for an order just placed: approve and reserve, or decline. */
    record ApproveOrder(AccountId accountId, OrderTerms order, ReservationRules rules, Instant at)
            implements AccountCommand {
    }

    record SettleFill(AccountId accountId, Fill fill, Instant at) implements AccountCommand {
    }

    /** The order ended at the broker (canceled, expired, rejected, replaced): what it still holds goes back. */
    record ReleaseReservation(AccountId accountId, String orderId, Instant at) implements AccountCommand {
    }

    /** A connected account's balances as a history sync observed them at its broker, at {@code asOf}. */
    record SyncBalance(AccountId accountId, SyncedBalance balance, Instant at) implements AccountCommand {
        public SyncBalance {
            Texts.present(accountId, "accountId");
            Texts.present(balance, "balance");
        }
    }
}
