package io.tradecore.kernel.catalog;

import java.util.List;

/**
 * A module's part of the catalog, found through {@code META-INF/services/io.tradecore.kernel.catalog.CatalogModule}.
 * {@code domain} is the stream type of the module's aggregates and the suffix of its topics; null for the kernel.
 */
public interface CatalogModule {

    String domain();

    List<CatalogEntry> functions();
}
