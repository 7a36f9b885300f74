/**
 * Broker credentials at rest, by envelope encryption: each user has a data key (AES-256), stored only wrapped by a
 * key-encryption service ({@link io.tradecore.brokerconnection.credentials.KeyWrapping}: a master key from
 * configuration locally, KMS on AWS, with the user id as encryption context); each credential is sealed with AES-GCM
 * under its user's data key, bound to user and credential reference as associated data, so ciphertext moved to
 * another user or row does not open. Events carry only the reference. Destroying a user's wrapped key
 * (crypto-shredding) makes every credential of theirs unreadable, in every copy and backup of the table.
 */
package io.tradecore.brokerconnection.credentials;
