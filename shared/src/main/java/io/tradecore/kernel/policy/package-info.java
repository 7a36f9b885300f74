/**
 * Policies: a domain's reactions to events, as commands to its own aggregates, each taking effect once however often
 * the event is delivered. The bridge between domains that never call each other's code.
 */
package io.tradecore.kernel.policy;
