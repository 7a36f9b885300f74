/**
 * The automation domain as plain Java: a symbol's alert book (the {@link io.tradecore.automation.domain.Alerts}
 * decider), its commands, events and values. No framework, no clock, no other domain's code.
 */
package io.tradecore.automation.domain;
