package io.tradecore.kernel.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka event-source batches (self-managed Kafka/Redpanda or MSK) for a projector or saga step. Records go to the
 * function in partition and offset order. Per-record de-duplication comes from the projection checkpoints; a
 * record that cannot be applied parks its stream (with the stream's later records) where operators see and retry
 * it, and the rest of the batch goes on, so one bad record neither blocks nor repeats the others. Only a failure
 * to record that (the database is down) fails the invocation, and the platform delivers the batch again.
 */
public final class KafkaBatchHandler implements RequestStreamHandler {

    private final Consumer<List<byte[]>> function;
    private final JsonMapper json;

    public KafkaBatchHandler() {
        this(LambdaRuntime.get());
    }

    public KafkaBatchHandler(LambdaRuntime runtime) {
        this.function = runtime.lookup(Consumer.class);
        this.json = runtime.json();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = json.readTree(input);
        List<byte[]> values = new ArrayList<>();
        JsonNode partitions = event.get("records");
        if (partitions != null) {
            List<Map.Entry<String, JsonNode>> ordered = new ArrayList<>(partitions.properties());
            ordered.sort(Comparator.comparing(Map.Entry::getKey));
            for (Map.Entry<String, JsonNode> partition : ordered) {
                List<JsonNode> records = new ArrayList<>();
                partition.getValue().forEach(records::add);
                records.sort(Comparator.comparingLong(record -> record.get("offset").asLong()));
                records.forEach(record -> values.add(Base64.getDecoder().decode(record.get("value").asString())));
            }
        }
        function.accept(values);
        var response = json.createObjectNode().put("records", values.size());
        response.putArray("batchItemFailures"); // always empty: what cannot be applied is parked, not retried
        json.writeValue(output, response);
    }
}
