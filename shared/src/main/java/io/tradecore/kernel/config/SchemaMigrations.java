package io.tradecore.kernel.config;

import io.tradecore.kernel.catalog.FunctionCatalogIndex;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Flyway once per module, each with its own history table, so every module numbers its migrations from
 * V1 ({@code db/migration/kernel}, then {@code db/migration/{domain}} for each domain in the catalog). A
 * long-running process migrates at start; a Lambda deploy runs the {@code migrateSchema} job once instead of
 * paying for it on every cold start.
 */
public final class SchemaMigrations {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    private final DataSource dataSource;
    private final String schema;
    private final FunctionCatalogIndex catalog;

    public SchemaMigrations(DataSource dataSource, String schema, FunctionCatalogIndex catalog) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.catalog = catalog;
    }

    /** Applies what is pending; returns how many migrations ran. */
    public int migrate() {
        int executed = 0;
        List<String> modules = new ArrayList<>();
        modules.add("kernel");
        modules.addAll(catalog.domains());
        for (String module : modules) {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema)
                    .defaultSchema(schema)
                    .createSchemas(true)
                    .table("flyway_history_" + module)
                    .locations("classpath:db/migration/" + module)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .failOnMissingLocations(false)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                log.info("schema {}: applied {} migrations of {}", schema, result.migrationsExecuted, module);
            }
            executed += result.migrationsExecuted;
        }
        return executed;
    }
}
