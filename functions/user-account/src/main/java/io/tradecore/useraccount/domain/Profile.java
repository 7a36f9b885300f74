package io.tradecore.useraccount.domain;

import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.domain.Texts;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * What a user shows about themselves: a display name (1 to 100 characters), an optional bio (up to 1,000) and
 * an optional IANA time zone such as {@code Europe/Berlin}.
 */
public record Profile(String displayName, String bio, String timezone) {

    public Profile {
        displayName = Texts.bounded(Texts.required(displayName, "displayName").strip(), "displayName", 1, 100);
        if (bio != null && bio.codePointCount(0, bio.length()) > 1000) {
            throw Rejection.invalid("bio", "bio must be at most 1000 characters long");
        }
        if (timezone != null) {
            try {
                timezone = ZoneId.of(timezone).getId();
            } catch (DateTimeException e) {
                throw Rejection.invalid("timezone", "timezone must be an IANA zone such as Europe/Berlin");
            }
        }
    }
}
