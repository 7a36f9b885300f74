package io.tradecore.kernel.function;

import java.util.Objects;

/**
 * A query's answer that is not JSON (an SVG chart, a CSV export): the gateway writes {@code content} as it is, under
 * {@code mediaType}, instead of serializing the answer. Every runtime (servlet gateway, API Gateway handler) answers
 * it alike.
 */
public record Document(String mediaType, byte[] content) {

    public Document {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
    }
}
