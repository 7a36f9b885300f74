package io.tradecore.brokerconnection.credentials;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * Key wrapping by AWS KMS: {@code GenerateDataKey} makes each user's data key under the configured KMS key
 * ({@code tradecore.credentials.kms-key-arn}: a key id, key ARN, alias name or alias ARN), {@code Decrypt} unwraps
 * it. The vault's context ({@code tradecore:user:{id}}) is the KMS encryption context, under the key
 * {@value #CONTEXT_KEY}: KMS binds it into the ciphertext and refuses to decrypt under any other, so a wrapped key
 * moved to another user does not open (KMS answers {@code InvalidCiphertextException}). The encryption context also
 * shows in CloudTrail for each use, and the functions' IAM policy requires it to be present.
 *
 * <p>The plaintext data key exists only in this process's memory, for one seal or open; KMS never sees credentials.
 */
public final class KmsKeyWrapping implements KeyWrapping, AutoCloseable {

    /** The encryption-context key every wrapped data key is bound under (referenced by the IAM condition). */
    public static final String CONTEXT_KEY = "tradecore-context";

    private final KmsClient kms;
    private final String keyId;

    public KmsKeyWrapping(KmsClient kms, String keyId) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("tradecore.credentials.kms-key-arn is required with key-wrapping=kms");
        }
        this.kms = kms;
        this.keyId = keyId;
    }

    /**
     * A KMS client over the JDK's HTTP client; credentials and region from the SDK's default chains (on Lambda: the
     * function's role and {@code AWS_REGION}) unless {@code region} is given. {@code endpoint} overrides the KMS
     * endpoint (a VPC endpoint, or a test's stub); null for the region's own.
     */
    public static KmsClient client(URI endpoint, String region) {
        var builder = KmsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        if (region != null && !region.isBlank()) {
            builder.region(Region.of(region));
        }
        return builder.build();
    }

    @Override
    public void close() {
        kms.close();
    }

    @Override
    public DataKey generateDataKey(String context) {
        GenerateDataKeyResponse made = kms.generateDataKey(request -> request.keyId(keyId)
                .keySpec(DataKeySpec.AES_256).encryptionContext(Map.of(CONTEXT_KEY, context)));
        return new DataKey(made.plaintext().asByteArray(), made.ciphertextBlob().asByteArray(), made.keyId());
    }

    @Override
    public byte[] unwrap(byte[] wrapped, String context) {
        try {
            return kms.decrypt(request -> request.keyId(keyId).ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                    .encryptionContext(Map.of(CONTEXT_KEY, context))).plaintext().asByteArray();
        } catch (InvalidCiphertextException e) {
            throw new IllegalStateException("data key does not open under this KMS key and context");
        } catch (KmsException e) {
            throw new IllegalStateException("KMS refused to unwrap the data key: " + e.getClass().getSimpleName(), e);
        }
    }
}
