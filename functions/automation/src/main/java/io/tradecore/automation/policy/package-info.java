/** automation's reactions to other domains' events: the virtual broker's price ticks evaluate the alert books. */
package io.tradecore.automation.policy;
