package io.tradecore.brokerconnection.credentials;

import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Local-dev key wrapping: data keys are sealed with AES-GCM under a 256-bit master key from configuration
 * ({@code tradecore.broker-connection.master-key}, base64), with the context as associated data.
 */
public final class LocalKeyWrapping implements KeyWrapping {

    private final byte[] masterKey;
    private final String masterKeyId;

    public LocalKeyWrapping(String base64MasterKey, String masterKeyId) {
        this.masterKey = Base64.getDecoder().decode(base64MasterKey);
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("the master key must be 32 bytes, base64-encoded");
        }
        this.masterKeyId = masterKeyId;
    }

    @Override
    public DataKey generateDataKey(String context) {
        byte[] key = AesGcm.randomKey();
        return new DataKey(key, AesGcm.seal(masterKey, key, context), masterKeyId);
    }

    @Override
    public byte[] unwrap(byte[] wrapped, String context) {
        try {
            return AesGcm.open(masterKey, wrapped, context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("data key does not open under this master key and context");
        }
    }
}
