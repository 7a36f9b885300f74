package io.tradecore.kernel.aws;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * A Lambda's first database connection (driver loading, TCP, authentication, the pool's start) opens on a thread
 * of its own as soon as the data source exists, while the rest of the context and the handler are built, instead
 * of inside the first invocation. A failure here only logs: the invocation that needs the connection reports it.
 */
public final class ConnectionWarmup implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(ConnectionWarmup.class);

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            Thread.ofPlatform().daemon().name("connection-warmup").start(() -> open(dataSource));
        }
        return bean;
    }

    private static void open(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            log.debug("first connection open: {}", connection.getMetaData().getURL());
        } catch (SQLException | RuntimeException e) {
            log.debug("first connection failed; the first invocation will try again", e);
        }
    }
}
