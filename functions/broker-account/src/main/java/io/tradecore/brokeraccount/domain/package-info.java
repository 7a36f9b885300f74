/**
 * The account aggregate as a pure decider: a cash ledger with deposits and withdrawals, the buying-power gate that
 * approves or declines each placed order and reserves cash or shares for it, and the settlement of fills and the
 * release of what ended orders still hold. Commands, events, lifecycle states and value objects; no framework here.
 */
package io.tradecore.brokeraccount.domain;
