package io.tradecore.datasync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tradecore.data-sync.*}: how many pages one run reads per feed before it leaves the rest to the next run,
 * and the lease of {@code lock:sync:{accountId}} (renewed after every page).
 */
@ConfigurationProperties("tradecore.data-sync")
public record DataSyncProperties(Integer maxPages, Duration lockLease) {

    public DataSyncProperties {
        maxPages = maxPages == null ? 100 : maxPages;
        lockLease = lockLease == null ? Duration.ofMinutes(2) : lockLease;
    }
}
