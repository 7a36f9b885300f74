package io.tradecore.brokerconnection.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

/**
 * {@link KmsKeyWrapping} with the real AWS SDK client against {@link KmsStub}, a loopback server speaking KMS's wire
 * protocol. This proves the requests, the encryption-context binding and the error mapping as the SDK sees them; it
 * is not a test against AWS KMS itself (no key policy, grant or IAM condition is exercised here).
 */
class KmsKeyWrappingTest {

    private static KmsStub stub;
    private KmsClient client;

    @BeforeAll
    static void start() throws Exception {
        stub = new KmsStub();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    private KmsKeyWrapping wrapping(String keyId) {
        client = KmsClient.builder().endpointOverride(stub.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        return new KmsKeyWrapping(client, keyId);
    }

    @Test
    void a_data_key_made_by_kms_for_a_user_unwraps_for_that_user() {
        KmsKeyWrapping kms = wrapping(KmsStub.ALIAS);

        KeyWrapping.DataKey key = kms.generateDataKey("tradecore:user:ada");

        assertThat(key.plaintext()).hasSize(32);
        assertThat(key.wrapped()).isNotEqualTo(key.plaintext());
        assertThat(key.masterKeyId()).isEqualTo(KmsStub.KEY_ARN);
        assertThat(kms.unwrap(key.wrapped(), "tradecore:user:ada")).isEqualTo(key.plaintext());
        var generate = stub.calls().stream().filter(c -> c.operation().equals("GenerateDataKey")).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(generate.contentType()).isEqualTo("application/x-amz-json-1.1");
        assertThat(generate.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/");
        assertThat(generate.context()).isEqualTo(Map.of(KmsKeyWrapping.CONTEXT_KEY, "tradecore:user:ada"));
    }

    @Test
    void a_wrapped_key_moved_to_another_user_is_refused_by_kms() {
        KmsKeyWrapping kms = wrapping(KmsStub.KEY_ARN);
        byte[] adas = kms.generateDataKey("tradecore:user:ada").wrapped();

        assertThatThrownBy(() -> kms.unwrap(adas, "tradecore:user:mallory"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open under this KMS key and context");
        var decrypt = stub.calls().stream().filter(c -> c.operation().equals("Decrypt")).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(decrypt.context()).isEqualTo(Map.of(KmsKeyWrapping.CONTEXT_KEY, "tradecore:user:mallory"));
    }

    @Test
    void kms_error_answers_reach_the_caller_as_the_sdks_exceptions() {
        KmsKeyWrapping kms = wrapping(KmsStub.KEY_ARN);
        byte[] wrapped = kms.generateDataKey("tradecore:user:ada").wrapped();

        assertThatThrownBy(() -> client.decrypt(r -> r.keyId(KmsStub.KEY_ARN)
                .ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                .encryptionContext(Map.of(KmsKeyWrapping.CONTEXT_KEY, "tradecore:user:eve"))))
                .isInstanceOfSatisfying(InvalidCiphertextException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
        KmsKeyWrapping unknownKey = new KmsKeyWrapping(client, "alias/no-such-key");
        assertThatThrownBy(() -> unknownKey.unwrap(wrapped, "tradecore:user:ada"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NotFoundException");
    }

    @Test
    void the_configured_client_uses_the_sdks_credential_chain_and_the_given_endpoint_and_region() {
        System.setProperty("aws.accessKeyId", "AKIDCHAIN");
        System.setProperty("aws.secretAccessKey", "chain-secret");
        try (var kms = new KmsKeyWrapping(KmsKeyWrapping.client(stub.endpoint(), "eu-west-1"), KmsStub.ALIAS)) {
            KeyWrapping.DataKey key = kms.generateDataKey("tradecore:user:grace");
            assertThat(kms.unwrap(key.wrapped(), "tradecore:user:grace")).isEqualTo(key.plaintext());
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
        assertThat(stub.calls().getLast().authorization()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDCHAIN/")
                .contains("/eu-west-1/kms/aws4_request");
        assertThatThrownBy(() -> new KmsKeyWrapping(client, " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
