package io.tradecore.datasync.api;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.Texts;
import java.time.Instant;
import java.util.UUID;

/** The inputs of data-sync's command and query functions. */
public final class SyncRequests {

    private SyncRequests() {
    }

    /** {@code POST /api/sync/request}: sync one of the caller's connected accounts, optionally looking back to {@code since}. */
    public record RequestAccountSync(String accountId, Instant since) {
        public RequestAccountSync {
            accountId = uuid(accountId);
        }
    }

    /** {@code GET /api/sync/accounts/{accountId}}. */
    public record GetSyncStatus(String accountId) {
        public GetSyncStatus {
            accountId = uuid(accountId);
        }
    }

    private static String uuid(String accountId) {
        Texts.required(accountId, "accountId");
        try {
            return UUID.fromString(accountId).toString();
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("accountId", "accountId must be a UUID");
        }
    }
}
