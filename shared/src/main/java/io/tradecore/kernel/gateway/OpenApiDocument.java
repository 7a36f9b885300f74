package io.tradecore.kernel.gateway;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.catalog.FunctionCatalogIndex;
import io.tradecore.kernel.catalog.FunctionKind;
import io.tradecore.kernel.catalog.HttpRoute;
import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.function.Document;
import io.tradecore.kernel.function.Query;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.core.ResolvableType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway's OpenAPI 3.1 description, derived from the function catalog and the functions' Java types, so no
 * route is ever documented by hand. It states what {@link Gateway} does, nothing more:
 * <ul>
 *   <li>one operation per catalog entry with an HTTP route: the catalog's method and path template,
 *       {@code operationId} = function name, one tag = the owning domain, a summary spelled from the name;</li>
 *   <li>path variables are required path parameters, typed by the input record's component of the same name;</li>
 *   <li>a <b>command</b>'s body is its input record without the path-variable fields (the gateway merges those in
 *       from the URL); when nothing is left there is no request body. Commands answering {@link CommandResult}
 *       take {@code Idempotency-Key} and {@code If-Match} and answer 201 (stream created) or 200 with
 *       {@code ETag}, {@code X-Consistency-Token} and, on a replay, {@code Idempotent-Replayed}; other commands
 *       answer 200 with their answer type;</li>
 *   <li>a <b>query</b>'s input record components that are not path variables are optional query parameters; a query
 *       whose route names a projection takes {@code X-Consistency-Token} and may answer 503
 *       {@code read-model-behind};</li>
 *   <li>every refusal is one shared {@code Problem} schema (RFC 9457 plus {@code code} and {@code errors});</li>
 *   <li>{@code bearerAuth} (JWT) applies to the whole document; public routes override it with
 *       {@code security: []}.</li>
 * </ul>
 *
 * <h2>Schemas</h2>
 * Built by reflection on record components, as the kernel's JSON mapping writes them: a {@link SingleValue}
 * record is its component's schema (inline), any other record is a {@code $ref} to a component of its own (so
 * nested and recursive records are fine), a sealed interface is {@code anyOf} its permitted types, collections are
 * arrays (sets with {@code uniqueItems}), maps are objects with {@code additionalProperties}, enums list the
 * values the mapper writes. Types whose JSON form is a mapper setting (java.time values, {@link BigDecimal}) are
 * rendered as the given mapper actually writes them, so the document cannot drift from the wire: with today's
 * defaults an {@code Instant} is a {@code date-time} string and a {@code BigDecimal} a JSON number; configure the
 * mapper to write decimals as strings and the document says {@code string}/{@code decimal}. {@code @JsonIgnore}
 * and {@code @JsonProperty} names on kernel records (e.g. {@link CommandResult#created()}) are honoured. Anything
 * else is {@code {}} (any value).
 *
 * <p>Components are named after the record, with its enclosing classes ({@code UserCommand.ChangeEmail}); if two
 * different records would share a name, the one met later (operations are visited in path order) gets its fully
 * qualified name. A command body that loses path-variable fields is a component of its own,
 * {@code <OperationId>Request}.
 *
 * <h2>Required fields: none are listed</h2>
 * A record component says nothing about whether it may be absent: that is decided by the record's compact
 * constructor ({@code Registration} insists on a username, its {@code displayName} is optional; {@code ListUsers}
 * defaults {@code page} and {@code size}). Listing every component as required would tell generated clients that
 * optional fields must be sent; guessing from Java types would be wrong as often as right. So schemas list no
 * required properties (only path parameters, which OpenAPI requires, and the hand-written {@code Problem}): the
 * document never forbids a valid request, and a missing field is answered with a 400 whose {@code errors[].field}
 * names it. For the same reason the schemas do not spell out {@code null}: answers write absent optional values as
 * {@code null}.
 *
 * <p>Limits: query parameters arrive as text (one value each), so array- or object-typed query components are
 * documented but not usable from a URL; methods beyond the record components (extra getters) are not looked at.
 */
public final class OpenApiDocument {

    /** Where the document is served. */
    public static final String PATH = "/api/openapi.json";

    static final String OPENAPI = "3.1.0";
    static final String PROBLEM = "Problem";
    private static final String APPLICATION_JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";

    /**
     * One routed function. {@code input} is the body or parameter type {@code T}; a {@code Command<T>} or
     * {@code Query<T>} (as Spring Cloud Function reports a function's input) is unwrapped. {@code output} is what the
     * function answers; null when unknown.
     */
    public record Operation(CatalogEntry entry, Type input, Type output) {

        public Operation {
            Objects.requireNonNull(entry, "entry");
            if (entry.http() == null || (entry.kind() != FunctionKind.COMMAND && entry.kind() != FunctionKind.QUERY)) {
                throw new IllegalArgumentException(entry.name() + " is not a command or query with an HTTP route");
            }
            if (input instanceof ParameterizedType envelope
                    && (envelope.getRawType() == Command.class || envelope.getRawType() == Query.class)) {
                input = envelope.getActualTypeArguments()[0];
            }
        }
    }

    private OpenApiDocument() {
    }

    /** The operations of every routed catalog entry, typed from the function beans Spring Cloud Function knows. */
    public static List<Operation> operations(FunctionCatalogIndex catalog, FunctionCatalog functions) {
        return catalog.routes().map(entry -> {
            FunctionInvocationWrapper function = functions.lookup(entry.name());
            if (function == null) {
                throw new IllegalStateException("catalog names function '" + entry.name() + "' but no bean has that name");
            }
            return new Operation(entry, function.getInputType(), function.getOutputType());
        }).toList();
    }

    /** The OpenAPI 3.1 document of these operations. */
    public static ObjectNode build(String title, String version, List<Operation> operations, JsonMapper json) {
        return new Writer(json).document(title, version, operations);
    }

    /** One problem answer every operation of a kind may give, as a component under {@code responses}. */
    private record ProblemAnswer(String status, String name, String description, String header) {
    }

    private static final List<ProblemAnswer> PROBLEM_ANSWERS = List.of(
            new ProblemAnswer("400", "BadRequest", "The input is malformed: not a JSON object, an unknown field, a "
                    + "wrong JSON type or an invalid value (code `invalid-<field>`, `errors` names the field).", null),
            new ProblemAnswer("401", "Unauthorized", "No valid bearer token (code `unauthenticated`), or wrong "
                    + "credentials.", "WWW-Authenticate"),
            new ProblemAnswer("403", "Forbidden", "The caller may not do this (code `forbidden`).", null),
            new ProblemAnswer("404", "NotFound", "It does not exist, or is not the caller's to see.", null),
            new ProblemAnswer("409", "Conflict", "It collides with the current state: a taken name, a stale If-Match "
                    + "(`version-mismatch`), a resource that kept changing (`concurrent-modification`).", null),
            new ProblemAnswer("413", "ContentTooLarge", "The body is larger than the gateway accepts "
                    + "(code `body-too-large`).", null),
            new ProblemAnswer("422", "UnprocessableContent", "Well-formed, but a business rule refuses it, or the "
                    + "Idempotency-Key was used before with another body (`idempotency-key-reused`).", null),
            new ProblemAnswer("500", "InternalError", "The request failed; the detail quotes the request id "
                    + "(code `internal-error`).", null),
            new ProblemAnswer("503", "ReadModelBehind", "The read model did not catch up with the X-Consistency-Token "
                    + "in time (code `read-model-behind`); retry after Retry-After seconds.", "Retry-After"));

    private static final List<String> COMMAND_PROBLEMS = List.of("400", "401", "403", "404", "409", "413", "422", "500");
    private static final List<String> QUERY_PROBLEMS = List.of("400", "401", "403", "404", "500");

    /** Types with one usual JSON form, as {type} or {type, format}. */
    private static final Map<Class<?>, List<String>> SCALARS = Map.ofEntries(
            Map.entry(String.class, List.of("string")),
            Map.entry(CharSequence.class, List.of("string")),
            Map.entry(char.class, List.of("string")),
            Map.entry(Character.class, List.of("string")),
            Map.entry(UUID.class, List.of("string", "uuid")),
            Map.entry(URI.class, List.of("string", "uri")),
            Map.entry(URL.class, List.of("string", "uri")),
            Map.entry(boolean.class, List.of("boolean")),
            Map.entry(Boolean.class, List.of("boolean")),
            Map.entry(byte.class, List.of("integer", "int32")),
            Map.entry(Byte.class, List.of("integer", "int32")),
            Map.entry(short.class, List.of("integer", "int32")),
            Map.entry(Short.class, List.of("integer", "int32")),
            Map.entry(int.class, List.of("integer", "int32")),
            Map.entry(Integer.class, List.of("integer", "int32")),
            Map.entry(long.class, List.of("integer", "int64")),
            Map.entry(Long.class, List.of("integer", "int64")),
            Map.entry(BigInteger.class, List.of("integer")),
            Map.entry(float.class, List.of("number", "float")),
            Map.entry(Float.class, List.of("number", "float")),
            Map.entry(double.class, List.of("number", "double")),
            Map.entry(Double.class, List.of("number", "double")),
            Map.entry(byte[].class, List.of("string", "byte")));

    /** Types whose JSON form is a mapper setting: a sample to ask the mapper, and the format if it writes text. */
    private record Probe(Object sample, String format) {
    }

    private static final Map<Class<?>, Probe> PROBED = Map.of(
            Instant.class, new Probe(Instant.EPOCH, "date-time"),
            OffsetDateTime.class, new Probe(OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), "date-time"),
            ZonedDateTime.class, new Probe(ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), "date-time"),
            LocalDate.class, new Probe(LocalDate.EPOCH, "date"),
            LocalDateTime.class, new Probe(LocalDateTime.of(2000, 1, 1, 0, 0), null),
            LocalTime.class, new Probe(LocalTime.NOON, null),
            Duration.class, new Probe(Duration.ofSeconds(90), "duration"),
            BigDecimal.class, new Probe(new BigDecimal("1.50"), "decimal"));

    /** One document's worth of state: the schema components named so far. */
    private static final class Writer {

        private final JsonMapper json;
        private final ObjectNode schemas;
        private final Map<String, String> names = new HashMap<>();
        private final Set<String> taken = new HashSet<>();

        Writer(JsonMapper json) {
            this.json = json;
            this.schemas = json.createObjectNode();
            taken.add(PROBLEM);
        }

        ObjectNode document(String title, String version, List<Operation> operations) {
            List<Operation> ordered = operations.stream()
                    .sorted(Comparator.comparing((Operation op) -> op.entry().http().path())
                            .thenComparing(op -> op.entry().http().method()))
                    .toList();
            ObjectNode document = json.createObjectNode();
            document.put("openapi", OPENAPI);
            ObjectNode info = document.putObject("info");
            info.put("title", title);
            info.put("version", version);
            info.put("description", "Generated from the function catalog. Errors are RFC 9457 problem details with a "
                    + "stable `code`. Every operation needs a bearer JWT unless it says `security: []`.");
            ArrayNode tags = document.putArray("tags");
            new TreeSet<>(ordered.stream().map(op -> op.entry().domain()).filter(Objects::nonNull).toList())
                    .forEach(domain -> tags.addObject().put("name", domain));
            ObjectNode paths = document.putObject("paths");
            for (Operation operation : ordered) {
                HttpRoute route = operation.entry().http();
                JsonNode item = paths.get(route.path());
                ObjectNode pathItem = item == null ? paths.putObject(route.path()) : (ObjectNode) item;
                pathItem.set(route.method().toLowerCase(Locale.ROOT), operation(operation));
            }
            ObjectNode components = document.putObject("components");
            schemas.set(PROBLEM, problem());
            components.set("schemas", sorted(schemas));
            components.set("parameters", parameters());
            components.set("headers", headers());
            components.set("responses", problemResponses());
            components.putObject("securitySchemes").set("bearerAuth", bearerAuth());
            document.putArray("security").addObject().putArray("bearerAuth");
            return document;
        }

        private ObjectNode operation(Operation operation) {
            CatalogEntry entry = operation.entry();
            HttpRoute route = entry.http();
            boolean command = entry.kind() == FunctionKind.COMMAND;
            boolean answersResult = command && ResolvableType.forType(operation.output()).toClass() == CommandResult.class;
            ResolvableType input = ResolvableType.forType(operation.input());
            Map<String, ResolvableType> fields = fields(input);
            List<String> variables = route.variables();

            ObjectNode node = json.createObjectNode();
            node.put("operationId", entry.name());
            node.put("summary", summary(entry.name()));
            if (entry.domain() != null) {
                node.putArray("tags").add(entry.domain());
            }
            ArrayNode parameters = node.putArray("parameters");
            for (String variable : variables) {
                ResolvableType type = fields.get(variable);
                parameters.add(parameter(variable, "path", type == null ? scalar("string", null) : schema(type)));
            }
            if (command) {
                if (answersResult) {
                    parameters.addObject().put("$ref", "#/components/parameters/IdempotencyKey");
                    parameters.addObject().put("$ref", "#/components/parameters/IfMatch");
                }
            } else {
                fields.forEach((name, type) -> {
                    if (!variables.contains(name)) {
                        parameters.add(parameter(name, "query", schema(type)));
                    }
                });
                if (route.projection() != null) {
                    parameters.addObject().put("$ref", "#/components/parameters/ConsistencyToken");
                }
            }
            parameters.addObject().put("$ref", "#/components/parameters/CorrelationId");
            if (command) {
                requestBody(node, entry.name(), input, fields, variables);
            }

            ObjectNode responses = node.putObject("responses");
            if (answersResult) {
                responses.set("200", commandResult("Applied to an existing stream, or changed nothing (`position` is null)."));
                responses.set("201", commandResult("Created the stream."));
            } else {
                ObjectNode ok = responses.putObject("200");
                ok.put("description", command ? "The command's answer." : "The query's answer.");
                Class<?> output = ResolvableType.forType(operation.output()).toClass();
                if (output == Document.class) {
                    ok.put("description", "A document in its own media type (e.g. image/svg+xml), not JSON.");
                    ok.putObject("content").putObject("*/*").putObject("schema").put("type", "string");
                } else if (output != Void.class && output != void.class) {
                    ok.putObject("content").putObject(APPLICATION_JSON).set("schema",
                            schema(ResolvableType.forType(operation.output())));
                }
            }
            List<String> problems = new ArrayList<>(command ? COMMAND_PROBLEMS : QUERY_PROBLEMS);
            if (!command && route.projection() != null) {
                problems.add("503");
            }
            for (ProblemAnswer answer : PROBLEM_ANSWERS) {
                if (problems.contains(answer.status())) {
                    responses.putObject(answer.status()).put("$ref", "#/components/responses/" + answer.name());
                }
            }
            if (route.isPublic()) {
                node.putArray("security");
            }
            return node;
        }

        /** The body: the input record without the fields the URL supplies; none when the URL supplies them all. */
        private void requestBody(ObjectNode operation, String name, ResolvableType input,
                                 Map<String, ResolvableType> fields, List<String> variables) {
            ObjectNode schema;
            if (!isRecordObject(input.toClass())) {
                schema = input.toClass() == Object.class ? scalar("object", null) : schema(input);
            } else {
                Map<String, ResolvableType> body = new LinkedHashMap<>(fields);
                body.keySet().removeAll(variables);
                if (body.isEmpty()) {
                    return;
                }
                if (body.size() == fields.size()) {
                    schema = schema(input);
                } else {
                    String component = reserve(Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Request", null);
                    schemas.set(component, object(body));
                    schema = ref(component);
                }
            }
            ObjectNode requestBody = operation.putObject("requestBody");
            requestBody.put("required", true);
            requestBody.put("description", variables.isEmpty() ? "Unknown fields are refused."
                    : "Unknown fields are refused. From the URL: " + String.join(", ", variables)
                            + " (a body field of the same name must be equal).");
            requestBody.putObject("content").putObject(APPLICATION_JSON).set("schema", schema);
        }

        private ObjectNode commandResult(String description) {
            ObjectNode response = json.createObjectNode();
            response.put("description", description);
            ObjectNode headers = response.putObject("headers");
            for (String header : List.of("ETag", "X-Consistency-Token", "Idempotent-Replayed")) {
                headers.putObject(header).put("$ref", "#/components/headers/" + header);
            }
            response.putObject("content").putObject(APPLICATION_JSON).set("schema",
                    schema(ResolvableType.forClass(CommandResult.class)));
            return response;
        }

        private ObjectNode parameter(String name, String in, ObjectNode schema) {
            ObjectNode parameter = json.createObjectNode();
            parameter.put("name", name);
            parameter.put("in", in);
            parameter.put("required", in.equals("path"));
            parameter.set("schema", schema);
            return parameter;
        }

        // ---- schemas ----

        /** The schema of a Java type as the kernel's JSON mapping writes it. */
        ObjectNode schema(ResolvableType type) {
            Class<?> raw = type.toClass();
            List<String> scalar = SCALARS.get(raw);
            if (scalar != null) {
                return scalar(scalar.get(0), scalar.size() > 1 ? scalar.get(1) : null);
            }
            Probe probe = PROBED.get(raw);
            if (probe != null) {
                return probed(probe);
            }
            if (raw == Optional.class) {
                return schema(type.getGeneric(0));
            }
            if (type.isArray()) {
                return array(schema(type.getComponentType()), false);
            }
            if (Collection.class.isAssignableFrom(raw)) {
                return array(schema(type.asCollection().getGeneric(0)), Set.class.isAssignableFrom(raw));
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = scalar("object", null);
                map.set("additionalProperties", schema(type.asMap().getGeneric(1)));
                return map;
            }
            if (Enum.class.isAssignableFrom(raw) && raw != Enum.class) {
                return enumeration(raw.isEnum() ? raw : raw.getSuperclass());
            }
            if (isSingleValue(raw)) {
                return schema(componentType(type, raw.getRecordComponents()[0]));
            }
            if (raw.isRecord()) {
                return ref(named(type));
            }
            if (raw.isSealed()) {
                ObjectNode union = json.createObjectNode();
                ArrayNode anyOf = union.putArray("anyOf");
                for (Class<?> permitted : raw.getPermittedSubclasses()) {
                    anyOf.add(schema(ResolvableType.forClass(permitted)));
                }
                return union;
            }
            return json.createObjectNode(); // Object, JsonNode, or a class this document does not look into: any value
        }

        /** The component name of a record type, generating its schema the first time (before its fields: recursion). */
        private String named(ResolvableType type) {
            String key = type.toString();
            String name = names.get(key);
            if (name != null) {
                return name;
            }
            Class<?> raw = type.toClass();
            String suffix = type.hasGenerics() ? "_" + String.join("_", Arrays.stream(type.getGenerics())
                    .map(Writer::label).toList()) : "";
            name = reserve(nestedName(raw) + suffix, raw.getName().replace('$', '.') + suffix);
            names.put(key, name);
            schemas.set(name, object(fields(type)));
            return name;
        }

        /** A free component name: the preferred one, else the fallback, else a numbered one. */
        private String reserve(String preferred, String fallback) {
            String name = preferred;
            if (taken.contains(name) && fallback != null) {
                name = fallback;
            }
            for (int n = 2; taken.contains(name); n++) {
                name = preferred + n;
            }
            taken.add(name);
            return name;
        }

        private ObjectNode object(Map<String, ResolvableType> fields) {
            ObjectNode object = scalar("object", null);
            ObjectNode properties = object.putObject("properties");
            fields.forEach((name, type) -> properties.set(name, schema(type)));
            return object;
        }

        private ObjectNode array(ObjectNode items, boolean unique) {
            ObjectNode array = scalar("array", null);
            array.set("items", items);
            if (unique) {
                array.put("uniqueItems", true);
            }
            return array;
        }

        private ObjectNode enumeration(Class<?> type) {
            ArrayNode values = json.createArrayNode();
            for (Object constant : type.getEnumConstants()) {
                values.add((JsonNode) json.valueToTree(constant));
            }
            ObjectNode schema = scalar(values.isEmpty() || values.get(0).isString() ? "string" : "integer", null);
            schema.set("enum", values);
            return schema;
        }

        private ObjectNode probed(Probe probe) {
            JsonNode written = json.valueToTree(probe.sample());
            if (written.isString()) {
                return scalar("string", probe.format());
            }
            if (written.isIntegralNumber()) {
                return scalar("integer", null);
            }
            return written.isNumber() ? scalar("number", null) : json.createObjectNode();
        }

        private ObjectNode scalar(String type, String format) {
            ObjectNode schema = json.createObjectNode();
            schema.put("type", type);
            if (format != null) {
                schema.put("format", format);
            }
            return schema;
        }

        private ObjectNode ref(String component) {
            ObjectNode ref = json.createObjectNode();
            ref.put("$ref", "#/components/schemas/" + component);
            return ref;
        }

        private ObjectNode sorted(ObjectNode node) {
            ObjectNode sorted = json.createObjectNode();
            new TreeSet<>(node.propertyNames()).forEach(name -> sorted.set(name, node.get(name)));
            return sorted;
        }

        // ---- fixed components ----

        private ObjectNode problem() {
            ObjectNode problem = scalar("object", null);
            problem.put("description", "RFC 9457 problem details; `code` is stable and machine-readable.");
            ObjectNode properties = problem.putObject("properties");
            properties.set("type", scalar("string", "uri"));
            properties.set("title", scalar("string", null));
            properties.set("status", scalar("integer", "int32"));
            properties.set("detail", scalar("string", null));
            properties.set("instance", scalar("string", "uri-reference"));
            properties.set("code", scalar("string", null));
            ObjectNode error = scalar("object", null);
            ObjectNode errorProperties = error.putObject("properties");
            errorProperties.set("field", scalar("string", null));
            errorProperties.set("reason", scalar("string", null));
            error.putArray("required").add("field").add("reason");
            properties.set("errors", array(error, false));
            problem.putArray("required").add("type").add("title").add("status").add("code");
            return problem;
        }

        private ObjectNode parameters() {
            ObjectNode parameters = json.createObjectNode();
            ObjectNode key = scalar("string", null);
            key.put("pattern", "^[\\x21-\\x7E]{1,255}$");
            parameters.set("IdempotencyKey", header("Idempotency-Key", key, "Makes a retry safe: the first answer per "
                    + "key is stored and replayed (Idempotent-Replayed: true); the key with another body is refused."));
            parameters.set("IfMatch", header("If-Match", scalar("string", null), "The ETag of an earlier answer, e.g. "
                    + "\"3\": the command is refused (409 version-mismatch) if the stream has moved on."));
            parameters.set("CorrelationId", header("X-Correlation-Id", scalar("string", "uuid"), "Ties this request "
                    + "to the events and log lines it causes; a malformed one is replaced, not refused."));
            parameters.set("ConsistencyToken", header("X-Consistency-Token", scalar("string", null), "The "
                    + "X-Consistency-Token of an earlier command: the query waits until its read model has caught up."));
            return parameters;
        }

        private ObjectNode header(String name, ObjectNode schema, String description) {
            ObjectNode parameter = parameter(name, "header", schema);
            parameter.put("description", description);
            return parameter;
        }

        private ObjectNode headers() {
            ObjectNode headers = json.createObjectNode();
            headers.set("ETag", described("The stream's version, quoted (\"3\"); send it back as If-Match.",
                    scalar("string", null)));
            headers.set("X-Consistency-Token", described("Send it with a later query to read this write.",
                    scalar("string", null)));
            ObjectNode replayed = scalar("string", null);
            replayed.putArray("enum").add("true");
            headers.set("Idempotent-Replayed", described("Present when this is the stored answer to an earlier "
                    + "request with the same Idempotency-Key.", replayed));
            headers.set("Retry-After", described("Seconds to wait before retrying.", scalar("integer", "int32")));
            headers.set("WWW-Authenticate", described("`Bearer`.", scalar("string", null)));
            return headers;
        }

        private ObjectNode described(String description, ObjectNode schema) {
            ObjectNode header = json.createObjectNode();
            header.put("description", description);
            header.set("schema", schema);
            return header;
        }

        private ObjectNode problemResponses() {
            ObjectNode responses = json.createObjectNode();
            for (ProblemAnswer answer : PROBLEM_ANSWERS) {
                ObjectNode response = responses.putObject(answer.name());
                response.put("description", answer.description());
                if (answer.header() != null) {
                    response.putObject("headers").putObject(answer.header())
                            .put("$ref", "#/components/headers/" + answer.header());
                }
                response.putObject("content").putObject(PROBLEM_JSON).set("schema", ref(PROBLEM));
            }
            return responses;
        }

        private ObjectNode bearerAuth() {
            ObjectNode scheme = json.createObjectNode();
            scheme.put("type", "http");
            scheme.put("scheme", "bearer");
            scheme.put("bearerFormat", "JWT");
            scheme.put("description", "A token from POST /api/auth/token.");
            return scheme;
        }

        // ---- reflection ----

        /** A record's JSON fields with their types resolved against {@code type}'s generics; empty for other types. */
        private static Map<String, ResolvableType> fields(ResolvableType type) {
            Class<?> raw = type.toClass();
            Map<String, ResolvableType> fields = new LinkedHashMap<>();
            if (isRecordObject(raw)) {
                for (RecordComponent component : raw.getRecordComponents()) {
                    JsonIgnore ignore = annotation(raw, component, JsonIgnore.class);
                    if (ignore == null || !ignore.value()) {
                        JsonProperty property = annotation(raw, component, JsonProperty.class);
                        String name = property == null || property.value().isEmpty() ? component.getName() : property.value();
                        fields.put(name, componentType(type, component));
                    }
                }
            }
            return fields;
        }

        private static ResolvableType componentType(ResolvableType owner, RecordComponent component) {
            try {
                return ResolvableType.forField(owner.toClass().getDeclaredField(component.getName()), owner);
            } catch (NoSuchFieldException e) {
                return ResolvableType.forType(component.getGenericType());
            }
        }

        /** Annotations on a record component land on its field and accessor, as their targets allow. */
        private static <A extends Annotation> A annotation(Class<?> record, RecordComponent component, Class<A> type) {
            A found = component.getAccessor().getAnnotation(type);
            if (found == null) {
                try {
                    found = record.getDeclaredField(component.getName()).getAnnotation(type);
                } catch (NoSuchFieldException ignored) {
                    // a record always has the field; nothing to look at otherwise
                }
            }
            return found;
        }

        /** A record written as a JSON object (a single-value record is written as its bare value). */
        private static boolean isRecordObject(Class<?> type) {
            return type.isRecord() && !isSingleValue(type);
        }

        /** The rule of {@link io.tradecore.kernel.json.SingleValueModule}. */
        private static boolean isSingleValue(Class<?> type) {
            return type.isRecord() && SingleValue.class.isAssignableFrom(type) && type.getRecordComponents().length == 1;
        }

        private static String nestedName(Class<?> type) {
            String name = type.getSimpleName().isEmpty() ? type.getName().replace('$', '.') : type.getSimpleName();
            Class<?> enclosing = type.getEnclosingClass();
            return enclosing == null || type.getSimpleName().isEmpty() ? name : nestedName(enclosing) + "." + name;
        }

        private static String label(ResolvableType type) {
            String name = type.toClass().getSimpleName();
            return type.hasGenerics()
                    ? name + "_" + String.join("_", Arrays.stream(type.getGenerics()).map(Writer::label).toList())
                    : name;
        }
    }

    /** "getUserByUsername" becomes "Get user by username". */
    static String summary(String functionName) {
        String words = functionName.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
