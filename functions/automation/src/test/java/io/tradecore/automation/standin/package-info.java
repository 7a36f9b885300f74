/**
 * Test fixtures only: stand-ins for the query functions other domains own ({@code getAccountById} of
 * broker_account, {@code getInstrument} of virtual_broker), answering from maps the tests fill, so
 * automation's ITs exercise its QueryBus checks without deploying those modules.
 */
package io.tradecore.automation.standin;
