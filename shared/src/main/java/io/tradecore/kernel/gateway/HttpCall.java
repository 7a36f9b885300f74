package io.tradecore.kernel.gateway;

import io.tradecore.kernel.function.Actor;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An HTTP request as the gateway needs it, whatever carried it (the servlet container locally, API Gateway on
 * AWS). {@code header} looks a header up case-insensitively (null when absent); {@code body} is null when it
 * was larger than the limit.
 */
public record HttpCall(Map<String, String> pathVariables, Map<String, String> queryParameters,
                       UnaryOperator<String> header, byte[] body, Actor actor) {
}
