/**
 * The function catalog: the one place where a function's kind and its trigger (HTTP route, topics, schedule) are
 * declared. Modules contribute a {@link io.tradecore.kernel.catalog.CatalogModule} through
 * {@code META-INF/services}, so the catalog is known before any Spring context exists: the stream bindings, the
 * gateway's routes and the deploy descriptors are all derived from it.
 */
package io.tradecore.kernel.catalog;
