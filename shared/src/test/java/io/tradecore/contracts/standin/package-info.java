/**
 * Test fixtures only: stand-ins for the query functions the trading domains publish to others through the QueryBus
 * ({@code getAccountById} of broker_account, {@code getInstrument} of virtual_broker; contracts in
 * {@code functions/TRADING.md}), answering from maps the tests fill, so a consuming module's ITs exercise its
 * QueryBus checks without deploying the owning modules. A module uses them with {@code @Import(StandInQueries.class)}
 * and by naming {@link io.tradecore.contracts.standin.StandInCatalog} in its test
 * {@code META-INF/services/io.tradecore.kernel.catalog.CatalogModule}.
 */
package io.tradecore.contracts.standin;
