/**
 * Broker credentials at rest, by envelope encryption: each user has a data key (AES-256), stored only wrapped by a
 * key-encryption service ({@link io.tradecore.brokerconnection.credentials.KeyWrapping}, chosen by
 * {@code tradecore.credentials.key-wrapping}: {@code local}, a master key from configuration, for local-dev and tests;
 * {@code kms}, {@link io.tradecore.brokerconnection.credentials.KmsKeyWrapping}, AWS KMS {@code GenerateDataKey} /
 * {@code Decrypt}), always with the user id in the encryption context; each credential is sealed with AES-GCM under its
 * user's data key, bound to user and credential reference as associated data, so ciphertext moved to another user or
 * row does not open. Events carry only the reference. Destroying a user's wrapped key (crypto-shredding, on
 * {@code user.deleted}) leaves a tombstone: every credential of theirs becomes unreadable, in every copy and backup of
 * the table, the vault answers {@code credentials-shredded}, and no new key is made for that user.
 *
 * <p>The KMS implementation is tested against a loopback stub that speaks the KMS wire protocol (JSON 1.1) with the
 * real AWS SDK client ({@code KmsKeyWrappingTest}): requests, encryption-context binding and error mapping are
 * covered; AWS KMS itself (key policy, IAM conditions, rotation) is not exercised by any test here.
 */
package io.tradecore.brokerconnection.credentials;
