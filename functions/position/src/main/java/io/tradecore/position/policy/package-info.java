/** position's reactions to other domains' events: fills from the virtual broker become position changes. */
package io.tradecore.position.policy;
