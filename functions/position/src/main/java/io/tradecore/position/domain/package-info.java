/**
 * The position aggregate as a pure decider: netting fills into one position per account and symbol, with its
 * commands, events, states and value objects (quantities at 6 decimals, prices at 4, averages at 6, cash at 2,
 * HALF_EVEN). No framework here.
 */
package io.tradecore.position.domain;
