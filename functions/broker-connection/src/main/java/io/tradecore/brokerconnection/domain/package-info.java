/**
 * The connection decider: a connection is requested with a reference to encrypted credentials (never the
 * credentials themselves), moves through the saga's steps (credentials validated, session established, accounts
 * found, completed), or fails after compensation with the step and the reason; an active connection can be
 * disconnected. Plain Java: no framework, no clock, no I/O.
 */
package io.tradecore.brokerconnection.domain;
