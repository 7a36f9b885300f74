package io.tradecore.kernel.gateway;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A keyed hash of (function, canonical input), stored with an Idempotency-Key to recognise a key reused for a
 * different request. Keyed, because inputs can hold secrets (a password at registration) and a plain hash of
 * them would be a fast offline guessing target.
 */
final class RequestFingerprints {

    private final SecretKeySpec key;
    private final ObjectWriter canonical;

    RequestFingerprints(byte[] secret, JsonMapper json) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.canonical = json.writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);
    }

    String of(String function, JsonNode input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(function.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '\n');
            return HexFormat.of().formatHex(mac.doFinal(canonical.writeValueAsBytes(input)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
