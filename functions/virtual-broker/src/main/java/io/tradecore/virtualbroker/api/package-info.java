/** What other modules may use of virtual_broker: the market query inputs and the views they answer with. */
package io.tradecore.virtualbroker.api;
