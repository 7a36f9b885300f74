/**
 * The paper broker's rules as plain Java: the order a broker holds (a pure decider over its lifecycle states), the
 * matching rules that turn a price into triggers, trailing-stop moves and fills, the session calendar that dates a day
 * order's expiry, and the per-symbol price feed whose stream version numbers the ticks. No framework here.
 */
package io.tradecore.virtualbroker.domain;
