package io.tradecore.brokerconnection.credentials;

/**
 * The key-encryption service, shaped like AWS KMS ({@code GenerateDataKey} / {@code Decrypt} with an encryption
 * context): it makes data keys and hands them out wrapped, and unwraps them only for the same context. The local
 * implementation is {@link LocalKeyWrapping}; on AWS a KMS-backed implementation replaces the bean.
 */
public interface KeyWrapping {

    /** A fresh 256-bit data key, in the clear (use, then forget) and wrapped (store). */
    record DataKey(byte[] plaintext, byte[] wrapped, String masterKeyId) {
    }

    DataKey generateDataKey(String context);

    /** The data key, if {@code wrapped} was made for {@code context} by this service; throws otherwise. */
    byte[] unwrap(byte[] wrapped, String context);
}
