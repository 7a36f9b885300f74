/**
 * Test fixtures only: stand-ins for the query functions other domains own ({@code getAccountById} of
 * broker_account, {@code getInstrument} of virtual_broker), answering from maps the tests fill, so the order
 * module's ITs exercise its QueryBus checks while those modules are built in parallel.
 */
package io.tradecore.order.standin;
