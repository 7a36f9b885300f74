package io.tradecore.kernel.gateway;

import io.tradecore.kernel.domain.Rejection;
import java.lang.reflect.Type;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads a request's JSON into a function's input type, strictly: unknown fields, wrong JSON types and trailing
 * garbage are refused, and the input's own validation (compact constructors, value objects) runs. Every failure
 * becomes a 400 {@link Rejection} naming the field.
 */
final class InputReader {

    private final JsonMapper strict;

    private InputReader(JsonMapper mapper) {
        this.strict = mapper;
    }

    /** For command bodies: JSON types must match exactly. */
    static InputReader forCommands(JsonMapper json) {
        return new InputReader(strictBase(json)
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .build());
    }

    /** For query parameters, which arrive as text: numbers and booleans may be written as strings. */
    static InputReader forQueries(JsonMapper json) {
        return new InputReader(strictBase(json).build());
    }

    private static JsonMapper.Builder strictBase(JsonMapper json) {
        return json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** The body as a JSON object; an empty body is an empty object. */
    ObjectNode object(byte[] body) {
        if (body.length == 0) {
            return strict.createObjectNode();
        }
        JsonNode node;
        try {
            node = strict.readTree(body);
        } catch (StreamReadException e) {
            throw Rejection.invalid("body", "the body is not well-formed JSON");
        } catch (JacksonException e) {
            throw Rejection.invalid("body", "the body could not be read as JSON");
        }
        if (node == null || !node.isObject()) {
            throw Rejection.invalid("body", "the body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** Adds path (and query) values; a body that says otherwise for the same field is refused. */
    void merge(ObjectNode input, Map<String, String> values) {
        values.forEach((field, value) -> {
            JsonNode given = input.get(field);
            if (given != null && !(given.isString() && given.asString().equals(value))) {
                throw Rejection.invalid(field, field + " in the body does not match the URL");
            }
            input.put(field, value);
        });
    }

    Object read(ObjectNode input, Type type) {
        JavaType javaType = strict.getTypeFactory().constructType(type);
        try {
            return strict.treeToValue(input, javaType);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof Rejection rejection) {
                throw rejection;
            }
            throw Rejection.invalid(field(e, "body"), "invalid value: " + rootMessage(e));
        } catch (UnrecognizedPropertyException e) {
            throw Rejection.invalid(e.getPropertyName(), "unknown field '" + e.getPropertyName() + "'");
        } catch (MismatchedInputException e) {
            String field = field(e, "body");
            throw Rejection.invalid(field, field + " has the wrong type or format");
        } catch (JacksonException e) {
            if (rootCause(e) instanceof Rejection rejection) {
                throw rejection;
            }
            throw Rejection.invalid(field(e, "body"), "the input could not be read");
        }
    }

    private static String field(JacksonException e, String fallback) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? fallback : path.toString();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = rootCause(e);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
