package io.tradecore.kafkabroker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void a_cluster_id_is_16_bytes_and_never_starts_with_a_dash_that_the_storage_tool_would_read_as_an_option() {
        // Unfiltered, about one id in 64 starts with '-': 10,000 draws would meet ~156 of them.
        for (int i = 0; i < 10_000; i++) {
            String id = KafkaBroker.randomClusterId();
            assertFalse(id.startsWith("-"), id);
            assertEquals(16, Base64.getUrlDecoder().decode(id).length, id);
        }
    }
}
