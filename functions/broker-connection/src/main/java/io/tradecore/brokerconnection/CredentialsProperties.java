package io.tradecore.brokerconnection;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tradecore.credentials.*}: how the credential vault wraps each user's data key. {@code key-wrapping=local}
 * (the default, local-dev and tests) uses the master key of {@code tradecore.broker-connection.master-key};
 * {@code key-wrapping=kms} uses AWS KMS with the key {@code kms-key-arn} (a key id, key ARN, alias name or alias ARN;
 * the deploy sets it as {@code TRADECORE_CREDENTIALS_KMS_KEY_ARN}), in {@code kms-region} (default: the SDK's region
 * chain, {@code AWS_REGION} on Lambda), at {@code kms-endpoint} (default: the region's endpoint).
 */
@ConfigurationProperties("tradecore.credentials")
public record CredentialsProperties(@DefaultValue("local") KeyWrappingKind keyWrapping, String kmsKeyArn,
                                    String kmsRegion, URI kmsEndpoint) {

    public enum KeyWrappingKind { LOCAL, KMS }
}
