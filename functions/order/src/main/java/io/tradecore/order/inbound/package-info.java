/**
 * The order domain's own reading of other domains' events (tolerant readers): only the fields it uses, under the
 * type names of functions/TRADING.md. Nothing here imports another module.
 */
package io.tradecore.order.inbound;
