/**
 * How broker_connection reacts to other domains: its own read-only view of user_account's events (a tolerant reader;
 * no import of its code) and the policy that destroys a deleted user's credential key.
 */
package io.tradecore.brokerconnection.policy;
