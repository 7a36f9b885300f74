package io.tradecore.useraccount.api;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.Texts;
import io.tradecore.useraccount.domain.UserId;
import io.tradecore.useraccount.domain.Username;

/** The inputs of user_account's query functions. */
public final class UserQueries {

    private UserQueries() {
    }

    public record GetUserById(UserId userId) {
        public GetUserById {
            Texts.present(userId, "userId");
        }
    }

    public record GetUserByUsername(Username username) {
        public GetUserByUsername {
            Texts.present(username, "username");
        }
    }

    /** {@code page} from 0; {@code size} 1 to 200, 50 when absent. */
    public record ListUsers(Integer page, Integer size) {
        public ListUsers {
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
