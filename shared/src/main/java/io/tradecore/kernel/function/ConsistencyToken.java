package io.tradecore.kernel.function;

import io.tradecore.kernel.domain.Rejection;

/**
 * "Stream s has reached version v": what a command hands back and a query may wait for. Its text form is
 * {@code streamId@version}; clients treat it as opaque.
 */
public record ConsistencyToken(String streamId, long version) {

    public static String of(String streamId, long version) {
        return streamId + "@" + version;
    }

    public static ConsistencyToken parse(String token) {
        int at = token == null ? -1 : token.lastIndexOf('@');
        if (at <= 0 || at == token.length() - 1 || token.length() > 200) {
            throw Rejection.invalid("consistency-token", "malformed consistency token");
        }
        try {
            return new ConsistencyToken(token.substring(0, at), Long.parseLong(token.substring(at + 1)));
        } catch (NumberFormatException e) {
            throw Rejection.invalid("consistency-token", "malformed consistency token");
        }
    }
}
