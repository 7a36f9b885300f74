package io.tradecore.kernel.live;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live feed: the fan-out function everywhere (Lambda included), the WebSocket endpoint only where the servlet
 * gateway runs.
 */
@AutoConfiguration
@EnableConfigurationProperties(LiveProperties.class)
public class LiveConfiguration {

    @Bean(LiveCatalog.FUNCTION)
    Consumer<List<byte[]>> pushLiveEvents(StringRedisTemplate redis, JsonMapper json) {
        return new LiveFanOut(redis, json);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @EnableWebSocket
    static class Endpoint {

        @Bean
        LiveHub liveHub(RedisConnectionFactory connections, LiveProperties properties) {
            return new LiveHub(connections, properties.heartbeat(), properties.silenceLimit());
        }

        @Bean
        LiveSocketHandler liveSocketHandler(LiveHub hub, JsonMapper json, LiveProperties properties) {
            return new LiveSocketHandler(hub, json, properties.sendBuffer());
        }

        @Bean
        WebSocketConfigurer liveEndpoint(LiveSocketHandler handler, LiveProperties properties) {
            return registry -> registry.addHandler(handler, LiveEndpoint.PATH)
                    .setAllowedOriginPatterns(properties.allowedOrigins().toArray(String[]::new));
        }
    }
}
