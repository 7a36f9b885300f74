package io.tradecore.kernel.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.catalog.CatalogModule;
import io.tradecore.kernel.catalog.FunctionCatalogIndex;
import io.tradecore.kernel.domain.SingleValue;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.function.Document;
import io.tradecore.kernel.function.Query;
import io.tradecore.kernel.json.SingleValueModule;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry;
import org.springframework.cloud.function.context.config.SmartCompositeMessageConverter;
import org.springframework.cloud.function.json.JacksonMapper;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.messaging.converter.StringMessageConverter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OpenApiDocumentTest {

    record OrderId(UUID value) implements SingleValue {
    }

    record Sku(String value) implements SingleValue {
    }

    enum Side { BUY, SELL }

    record Line(Sku sku, int quantity, BigDecimal price) {
    }

    /** Recursive on purpose. */
    record Note(String text, Note replyTo) {
    }

    record PlaceOrder(Side side, List<Line> lines, Set<String> labels, Map<String, Long> attributes, Note note) {
    }

    record CancelOrder(OrderId orderId, String reason) {
    }

    record ArchiveOrder(OrderId orderId) {
    }

    record GetOrder(OrderId orderId) {
    }

    record ListOrders(Integer page, Side side) {
    }

    record OrderView(OrderId id, Side side, List<Line> lines, Instant placedAt, long version) {
    }

    record ReceiptRequest(String email) {
    }

    record Receipt(String token, long expiresIn) {
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final JsonMapper json = JsonMapper.builder().addModule(new SingleValueModule()).build();

    private static FunctionCatalogIndex catalog() {
        return new FunctionCatalogIndex(List.of(new CatalogModule() {
            @Override
            public String domain() {
                return "order";
            }

            @Override
            public List<CatalogEntry> functions() {
                return List.of(
                        CatalogEntry.command("placeOrder", "POST", "/api/orders/place"),
                        CatalogEntry.command("cancelOrder", "POST", "/api/orders/{orderId}/cancel"),
                        CatalogEntry.command("archiveOrder", "POST", "/api/orders/{orderId}/archive"),
                        CatalogEntry.command("issueReceipt", "POST", "/api/receipts").publicRoute(),
                        CatalogEntry.query("getOrder", "/api/orders/{orderId}", "orders"),
                        CatalogEntry.query("listOrders", "/api/orders", null),
                        CatalogEntry.query("getOrderChart", "/api/orders/{orderId}/chart.svg", null),
                        CatalogEntry.projector("projectOrders", "transport.order"));
            }
        }));
    }

    /** What Spring Cloud Function reports for each bean: {@code Command<T>}/{@code Query<T>} in, the answer out. */
    private static final Map<String, Type[]> TYPES = Map.of(
            "placeOrder", types(Command.class, PlaceOrder.class, CommandResult.class),
            "cancelOrder", types(Command.class, CancelOrder.class, CommandResult.class),
            "archiveOrder", types(Command.class, ArchiveOrder.class, CommandResult.class),
            "issueReceipt", types(Command.class, ReceiptRequest.class, Receipt.class),
            "getOrder", types(Query.class, GetOrder.class, OrderView.class),
            "getOrderChart", types(Query.class, GetOrder.class, Document.class),
            "listOrders", new Type[] {envelope(Query.class, ListOrders.class),
                    ResolvableType.forClassWithGenerics(List.class, OrderView.class).getType()});

    private static Type[] types(Class<?> envelope, Class<?> body, Class<?> answer) {
        return new Type[] {envelope(envelope, body), answer};
    }

    private static Type envelope(Class<?> envelope, Class<?> body) {
        return ResolvableType.forClassWithGenerics(envelope, body).getType();
    }

    private ObjectNode document(JsonMapper mapper) {
        List<OpenApiDocument.Operation> operations = catalog().routes()
                .map(entry -> new OpenApiDocument.Operation(entry, TYPES.get(entry.name())[0], TYPES.get(entry.name())[1]))
                .toList();
        return OpenApiDocument.build("TradeCore", "0.1.0", operations, mapper);
    }

    private final ObjectNode doc = document(json);

    private JsonNode op(String path, String method) {
        return doc.get("paths").get(path).get(method);
    }

    private JsonNode schema(String component) {
        return doc.get("components").get("schemas").get(component);
    }

    @Test
    void every_routed_function_is_an_operation_named_after_it() {
        assertThat(doc.get("openapi").asString()).isEqualTo("3.1.0");
        assertThat(doc.get("info").get("title").asString()).isEqualTo("TradeCore");
        assertThat(doc.has("servers")).isFalse();
        assertThat(doc.get("paths").propertyNames()).containsExactly("/api/orders", "/api/orders/place",
                "/api/orders/{orderId}", "/api/orders/{orderId}/archive", "/api/orders/{orderId}/cancel",
                "/api/orders/{orderId}/chart.svg", "/api/receipts");
        JsonNode place = op("/api/orders/place", "post");
        assertThat(place.get("operationId").asString()).isEqualTo("placeOrder");
        assertThat(place.get("summary").asString()).isEqualTo("Place order");
        assertThat(place.get("tags").get(0).asString()).isEqualTo("order");
        assertThat(op("/api/orders/{orderId}", "get").get("operationId").asString()).isEqualTo("getOrder");
        assertThat(doc.get("tags").get(0).get("name").asString()).isEqualTo("order");
    }

    @Test
    void path_variables_are_required_parameters_typed_by_the_input() {
        JsonNode parameter = op("/api/orders/{orderId}/cancel", "post").get("parameters").get(0);
        assertThat(parameter.get("name").asString()).isEqualTo("orderId");
        assertThat(parameter.get("in").asString()).isEqualTo("path");
        assertThat(parameter.get("required").asBoolean()).isTrue();
        assertThat(parameter.get("schema").get("type").asString()).isEqualTo("string");
        assertThat(parameter.get("schema").get("format").asString()).isEqualTo("uuid");
    }

    @Test
    void a_command_body_is_its_input_without_the_fields_the_url_supplies() {
        JsonNode place = op("/api/orders/place", "post").get("requestBody");
        assertThat(place.get("content").get("application/json").get("schema").get("$ref").asString())
                .isEqualTo("#/components/schemas/OpenApiDocumentTest.PlaceOrder");

        JsonNode cancel = op("/api/orders/{orderId}/cancel", "post").get("requestBody");
        assertThat(cancel.get("content").get("application/json").get("schema").get("$ref").asString())
                .isEqualTo("#/components/schemas/CancelOrderRequest");
        assertThat(schema("CancelOrderRequest").get("properties").propertyNames()).containsExactly("reason");
        assertThat(schema("OpenApiDocumentTest.CancelOrder")).isNull(); // never needed whole

        assertThat(op("/api/orders/{orderId}/archive", "post").has("requestBody")).isFalse(); // all from the URL
    }

    @Test
    void records_become_components_and_value_objects_their_bare_value() {
        JsonNode placeOrder = schema("OpenApiDocumentTest.PlaceOrder").get("properties");
        assertThat(placeOrder.get("side").get("enum").valueStream().map(JsonNode::asString)).containsExactly("BUY", "SELL");
        assertThat(placeOrder.get("lines").get("type").asString()).isEqualTo("array");
        assertThat(placeOrder.get("lines").get("items").get("$ref").asString())
                .isEqualTo("#/components/schemas/OpenApiDocumentTest.Line");
        assertThat(placeOrder.get("labels").get("uniqueItems").asBoolean()).isTrue();
        assertThat(placeOrder.get("attributes").get("additionalProperties").get("format").asString()).isEqualTo("int64");

        JsonNode line = schema("OpenApiDocumentTest.Line").get("properties");
        assertThat(line.get("sku")).isEqualTo(json.readTree("{\"type\":\"string\"}")); // SingleValue: its component
        assertThat(line.get("quantity").get("format").asString()).isEqualTo("int32");
        assertThat(schema("OpenApiDocumentTest.Sku")).isNull();

        assertThat(schema("OpenApiDocumentTest.Note").get("properties").get("replyTo").get("$ref").asString())
                .isEqualTo("#/components/schemas/OpenApiDocumentTest.Note");
        JsonNode view = schema("OpenApiDocumentTest.OrderView").get("properties");
        assertThat(view.get("placedAt").get("format").asString()).isEqualTo("date-time");
        assertThat(view.get("version").get("format").asString()).isEqualTo("int64");
        assertThat(schema("OpenApiDocumentTest.PlaceOrder").has("required")).isFalse();
    }

    @Test
    void decimals_are_documented_as_the_mapper_writes_them() {
        assertThat(schema("OpenApiDocumentTest.Line").get("properties").get("price").get("type").asString())
                .isEqualTo("number");

        JsonMapper asText = json.rebuild().withConfigOverride(BigDecimal.class,
                override -> override.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING))).build();
        JsonNode price = document(asText).get("components").get("schemas").get("OpenApiDocumentTest.Line")
                .get("properties").get("price");
        assertThat(price.get("type").asString()).isEqualTo("string");
        assertThat(price.get("format").asString()).isEqualTo("decimal");
    }

    @Test
    void a_command_result_answers_201_or_200_with_its_headers() {
        JsonNode responses = op("/api/orders/place", "post").get("responses");
        assertThat(responses.propertyNames()).containsExactly("200", "201", "400", "401", "403", "404", "409", "413",
                "422", "500");
        JsonNode created = responses.get("201");
        assertThat(created.get("content").get("application/json").get("schema").get("$ref").asString())
                .isEqualTo("#/components/schemas/CommandResult");
        assertThat(created.get("headers").propertyNames())
                .containsExactly("ETag", "X-Consistency-Token", "Idempotent-Replayed");
        assertThat(schema("CommandResult").get("properties").propertyNames())
                .containsExactly("streamId", "version", "position", "consistencyToken"); // @JsonIgnore honoured
        assertThat(responses.get("409").get("$ref").asString()).isEqualTo("#/components/responses/Conflict");
        assertThat(doc.get("components").get("responses").get("Conflict").get("content").get("application/problem+json")
                .get("schema").get("$ref").asString()).isEqualTo("#/components/schemas/Problem");

        assertThat(refs(op("/api/orders/place", "post").get("parameters")))
                .containsExactly("#/components/parameters/IdempotencyKey", "#/components/parameters/IfMatch",
                        "#/components/parameters/CorrelationId");
    }

    @Test
    void another_answer_is_200_with_its_schema() {
        JsonNode receipt = op("/api/receipts", "post");
        assertThat(receipt.get("responses").has("201")).isFalse();
        assertThat(receipt.get("responses").get("200").get("content").get("application/json").get("schema")
                .get("$ref").asString()).isEqualTo("#/components/schemas/OpenApiDocumentTest.Receipt");
        assertThat(refs(receipt.get("parameters"))).containsExactly("#/components/parameters/CorrelationId");

        JsonNode list = op("/api/orders", "get").get("responses").get("200").get("content").get("application/json")
                .get("schema");
        assertThat(list.get("type").asString()).isEqualTo("array");
        assertThat(list.get("items").get("$ref").asString()).isEqualTo("#/components/schemas/OpenApiDocumentTest.OrderView");
    }

    @Test
    void a_document_answer_is_not_described_as_json() {
        JsonNode content = op("/api/orders/{orderId}/chart.svg", "get").get("responses").get("200").get("content");
        assertThat(content.propertyNames()).containsExactly("*/*");
        assertThat(content.get("*/*").get("schema").get("type").asString()).isEqualTo("string");
    }

    @Test
    void query_inputs_are_optional_query_parameters_and_projections_may_be_waited_for() {
        JsonNode list = op("/api/orders", "get");
        JsonNode page = list.get("parameters").get(0);
        assertThat(page.get("name").asString()).isEqualTo("page");
        assertThat(page.get("in").asString()).isEqualTo("query");
        assertThat(page.get("required").asBoolean()).isFalse();
        assertThat(page.get("schema").get("type").asString()).isEqualTo("integer");
        assertThat(list.get("parameters").get(1).get("schema").get("enum")).hasSize(2);
        assertThat(list.get("responses").propertyNames()).containsExactly("200", "400", "401", "403", "404", "500");
        assertThat(list.has("requestBody")).isFalse();

        JsonNode get = op("/api/orders/{orderId}", "get");
        assertThat(get.get("parameters").get(0).get("in").asString()).isEqualTo("path");
        assertThat(refs(get.get("parameters"))).contains("#/components/parameters/ConsistencyToken");
        assertThat(get.get("parameters")).hasSize(3); // orderId is not repeated as a query parameter
        assertThat(get.get("responses").get("503").get("$ref").asString())
                .isEqualTo("#/components/responses/ReadModelBehind");
    }

    @Test
    void bearer_tokens_everywhere_but_on_public_routes() {
        assertThat(doc.get("security")).isEqualTo(json.readTree("[{\"bearerAuth\":[]}]"));
        JsonNode scheme = doc.get("components").get("securitySchemes").get("bearerAuth");
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.get("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(op("/api/receipts", "post").get("security").isArray()).isTrue();
        assertThat(op("/api/receipts", "post").get("security")).isEmpty();
        assertThat(op("/api/orders/place", "post").has("security")).isFalse();
    }

    @Test
    void the_document_is_well_formed_and_every_ref_resolves() {
        JsonNode reread = json.readTree(json.writeValueAsString(doc));
        assertThat(reread).isEqualTo(doc);
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).startsWith("#/components/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        });
        // Every operation id is unique; every path variable is declared; every response is described.
        Set<String> ids = new HashSet<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            JsonNode operation = method.getValue();
            assertThat(ids.add(operation.get("operationId").asString())).isTrue();
            VARIABLE.matcher(path.getKey()).results().map(match -> match.group(1)).forEach(variable -> assertThat(
                    operation.get("parameters").valueStream().anyMatch(p -> variable.equals(p.path("name").asString())
                            && p.path("in").asString().equals("path")))
                    .as(path.getKey() + " declares " + variable).isTrue());
            operation.get("responses").properties().forEach(response -> assertThat(
                    response.getValue().has("description") || response.getValue().has("$ref")).isTrue());
        }));
    }

    @Test
    void operations_are_typed_from_spring_cloud_function() {
        var registry = new SimpleFunctionRegistry(new DefaultConversionService(),
                new SmartCompositeMessageConverter(List.of(new StringMessageConverter())), new JacksonMapper(json));
        FunctionCatalogIndex catalog = catalog();
        catalog.routes().forEach(entry -> {
            Function<Object, Object> function = input -> null;
            Type type = ResolvableType.forClassWithGenerics(Function.class,
                    ResolvableType.forType(TYPES.get(entry.name())[0]),
                    ResolvableType.forType(TYPES.get(entry.name())[1])).getType();
            registry.register(new FunctionRegistration<>(function, entry.name()).type(type));
        });
        List<OpenApiDocument.Operation> operations = OpenApiDocument.operations(catalog, registry);
        OpenApiDocument.Operation cancel = operations.stream()
                .filter(operation -> operation.entry().name().equals("cancelOrder")).findFirst().orElseThrow();
        assertThat(cancel.input()).isEqualTo(CancelOrder.class);
        assertThat(cancel.output()).isEqualTo(CommandResult.class);
        assertThat(OpenApiDocument.build("TradeCore", "0.1.0", operations, json)).isEqualTo(doc);
    }

    @Test
    void a_routed_function_without_a_bean_is_refused() {
        var registry = new SimpleFunctionRegistry(new DefaultConversionService(),
                new SmartCompositeMessageConverter(List.of(new StringMessageConverter())), new JacksonMapper(json));
        assertThatThrownBy(() -> OpenApiDocument.operations(catalog(), registry))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no bean has that name");
    }

    @Test
    void summaries_are_spelled_from_the_name() {
        assertThat(OpenApiDocument.summary("getUserByUsername")).isEqualTo("Get user by username");
        assertThat(OpenApiDocument.summary("issueToken")).isEqualTo("Issue token");
    }

    private static List<String> refs(JsonNode parameters) {
        return parameters.valueStream().filter(p -> p.has("$ref")).map(p -> p.get("$ref").asString()).toList();
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject() && node.has("$ref")) {
            refs.add(node.get("$ref").asString());
        }
        node.values().forEach(child -> collectRefs(child, refs));
    }
}
