package io.tradecore.kernel.live;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tradecore.live.*}: the WebSocket endpoint's limits.
 *
 * @param sendBuffer     messages queued per socket before the client counts as too slow and is dropped (close 1013)
 * @param heartbeat      how often the server pings each socket (keeps proxies from closing idle connections)
 * @param silenceLimit   a socket that has answered no ping and sent nothing for this long is closed (close 1001)
 * @param allowedOrigins browser origins allowed to open a socket; {@code *} by default, since the feed is
 *                       authorized by a bearer token, never by a cookie a foreign page could ride on
 */
@ConfigurationProperties("tradecore.live")
public record LiveProperties(
        @DefaultValue("1024") int sendBuffer,
        @DefaultValue("20s") Duration heartbeat,
        @DefaultValue("60s") Duration silenceLimit,
        @DefaultValue("*") List<String> allowedOrigins) {

    public LiveProperties {
        if (sendBuffer < 1) {
            throw new IllegalArgumentException("tradecore.live.send-buffer must be at least 1");
        }
        allowedOrigins = List.copyOf(allowedOrigins);
    }
}
