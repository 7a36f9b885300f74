package io.tradecore.kernel.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.function.Document;
import io.tradecore.kernel.gateway.HttpAnswer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class HttpApiHandlerResponseTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void a_document_answer_goes_out_as_its_bytes_under_its_media_type() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8);
        var response = HttpApiHandler.response(json,
                new HttpAnswer(200, Map.of(), new Document("image/svg+xml", svg)));

        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(response.get("headers").get("Content-Type").asString()).isEqualTo("image/svg+xml");
        assertThat(response.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(response.get("body").asString())).isEqualTo(svg);
    }

    @Test
    void any_other_answer_is_still_written_as_json() {
        var response = HttpApiHandler.response(json, new HttpAnswer(200, Map.of("ETag", "\"3\""), Map.of("a", 1)));

        assertThat(response.get("headers").get("Content-Type").asString()).isEqualTo("application/json");
        assertThat(response.get("headers").get("ETag").asString()).isEqualTo("\"3\"");
        assertThat(response.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(response.get("body").asString()).isEqualTo("{\"a\":1}");
    }
}
