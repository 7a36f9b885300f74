/**
 * How broker_connection reacts to other domains: its own read-only view of user_account's events (a tolerant reader;
 * no import of its code) and the policy that, when a user is deleted, disconnects their connections and destroys
 * their credential key.
 */
package io.tradecore.brokerconnection.policy;
