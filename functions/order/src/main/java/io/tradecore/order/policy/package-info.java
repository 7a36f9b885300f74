/**
 * The order domain's reactions to other domains' events: the account's verdict accepts or rejects an order, the
 * broker's reports record fills, cancels, expiry, rejection and replacement, and a connected broker's orders brought
 * in by the data-sync worker are mirrored as imported orders. Each sends commands to the order
 * aggregate through the policy runtime, so a redelivered event has one effect.
 */
package io.tradecore.order.policy;
