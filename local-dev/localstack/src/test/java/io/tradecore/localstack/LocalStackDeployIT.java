package io.tradecore.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deploys user_account's Lambda package ({@code target/tradecore-user-account-aws.jar}, the same file the Terraform
 * deploy uploads) to LocalStack's Lambda, twice as Terraform would: {@code migrateSchema} (the scheduled-job
 * handler, run once) and {@code createUser} (the API Gateway HTTP API handler), with the Terraform environment contract
 * ({@code SPRING_CLOUD_FUNCTION_DEFINITION}, {@code TRADECORE_RUNTIME=lambda}, datasource, Redis, Kafka). Then it
 * calls the route {@code POST /api/users/create} by invoking the function with an API Gateway v2 event, as the HTTP
 * API would, and checks the answer and the event row in PostgreSQL.
 *
 * <p>Opt-in and never part of CI here: {@code ./mvnw -P localstack -pl local-dev/localstack -am verify
 * -Dit.test=LocalStackDeployIT -Dsurefire.failIfNoSpecifiedTests=false}, on a machine with Docker. PostgreSQL and Redis
 * run as containers on one Docker network with LocalStack; LocalStack starts the Lambda containers on that network too
 * ({@code LAMBDA_DOCKER_NETWORK}), so the function reaches them by alias. Kafka is not started: a command function
 * on Lambda writes its events to PostgreSQL only (the outbox is the event table) and never connects to Kafka. HTTP API
 * routes themselves (API Gateway v2) are a LocalStack Pro feature, hence the direct invocation with the event shape.
 * Written and compiled on a machine without Docker: it has not been run.
 */
class LocalStackDeployIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String JWT_SECRET = "localstack-only-signing-key-of-32-bytes-or-more";

    private static Network network;
    private static PostgreSQLContainer<?> postgres;
    private static GenericContainer<?> redis;
    private static LocalStackContainer localstack;
    private static LambdaClient lambda;

    @BeforeAll
    @SuppressWarnings("resource")
    static void deploy() throws Exception {
        network = Network.newNetwork();
        postgres = new PostgreSQLContainer<>(DockerImageName.parse("postgres:17-alpine")).withNetwork(network)
                .withNetworkAliases("postgres").withDatabaseName("tradecore").withUsername("tradecore")
                .withPassword("tradecore");
        redis = new GenericContainer<>(DockerImageName.parse("redis:7-alpine")).withNetwork(network)
                .withNetworkAliases("redis").withExposedPorts(6379);
        localstack = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
                .withServices(Service.LAMBDA, Service.S3).withNetwork(network).withNetworkAliases("localstack")
                .withEnv("LAMBDA_DOCKER_NETWORK", network.getId())
                .withFileSystemBind("/var/run/docker.sock", "/var/run/docker.sock");
        postgres.start();
        redis.start();
        localstack.start();

        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(localstack.getAccessKey(), localstack.getSecretKey()));
        URI endpoint = localstack.getEndpoint();
        Region region = Region.of(localstack.getRegion());
        lambda = LambdaClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .forcePathStyle(true).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            // Over Lambda's 50 MB direct-upload limit: from S3, as Terraform's deploy of a large package would
            s3.createBucket(b -> b.bucket("tradecore-packages"));
            s3.putObject(o -> o.bucket("tradecore-packages").key("user-account.jar"),
                    RequestBody.fromFile(Path.of(System.getProperty("tradecore.lambda-jar"))));
        }
        create("migrateSchema", "io.tradecore.kernel.aws.ScheduledJobHandler::handleRequest");
        create("createUser", "io.tradecore.kernel.aws.HttpApiHandler::handleRequest");
    }

    @AfterAll
    static void stop() {
        if (lambda != null) {
            lambda.close();
        }
        for (var container : new GenericContainer<?>[] {localstack, redis, postgres}) {
            if (container != null) {
                container.stop();
            }
        }
        if (network != null) {
            network.close();
        }
    }

    private static void create(String function, String handler) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_CLOUD_FUNCTION_DEFINITION", function);
        environment.put("TRADECORE_RUNTIME", "lambda");
        environment.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/tradecore");
        environment.put("SPRING_DATASOURCE_USERNAME", "tradecore");
        environment.put("SPRING_DATASOURCE_PASSWORD", "tradecore");
        environment.put("SPRING_DATA_REDIS_HOST", "redis");
        environment.put("SPRING_DATA_REDIS_PORT", "6379");
        environment.put("TRADECORE_KAFKA_BOOTSTRAP_SERVERS", "kafka.invalid:9092");
        environment.put("TRADECORE_SECURITY_JWT_SECRET", JWT_SECRET);
        lambda.createFunction(f -> f.functionName("tradecore-ls-" + function).runtime(Runtime.JAVA21)
                .role("arn:aws:iam::000000000000:role/tradecore-ls-" + function).handler(handler)
                .memorySize(1024).timeout(120)
                .code(c -> c.s3Bucket("tradecore-packages").s3Key("user-account.jar"))
                .environment(e -> e.variables(environment)));
        lambda.waiter().waitUntilFunctionActiveV2(w -> w.functionName("tradecore-ls-" + function));
    }

    private static JsonNode invoke(String function, String payload) {
        InvokeResponse answer = lambda.invoke(i -> i.functionName("tradecore-ls-" + function)
                .payload(SdkBytes.fromUtf8String(payload)));
        assertThat(answer.functionError()).as(answer.payload().asUtf8String()).isNull();
        return JSON.readTree(answer.payload().asUtf8String());
    }

    @Test
    void a_deployed_command_function_answers_its_route_and_writes_its_event() throws Exception {
        invoke("migrateSchema", "{}");
        String username = "ls" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String body = JSON.writeValueAsString(Map.of("username", username, "email", username + "@example.com",
                "password", "correct horse battery"));

        JsonNode answer = invoke("createUser", apiGatewayEvent("POST /api/users/create", body));

        assertThat(answer.path("statusCode").asInt()).as(answer.toString()).isEqualTo(201);
        String raw = answer.path("body").asString();
        JsonNode created = JSON.readTree(answer.path("isBase64Encoded").asBoolean()
                ? new String(Base64.getDecoder().decode(raw), StandardCharsets.UTF_8) : raw);
        String userId = created.path("streamId").asString();
        try (var db = DriverManager.getConnection(postgres.getJdbcUrl(), "tradecore", "tradecore");
             var query = db.prepareStatement("SELECT event_type FROM event_store_events WHERE stream_id = ?")) {
            query.setString(1, userId);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("user.registered");
            }
        }
    }

    /** An API Gateway HTTP API (payload 2.0) event for a public route, as the Lambda integration receives it. */
    private static String apiGatewayEvent(String routeKey, String body) {
        String[] route = routeKey.split(" ");
        ObjectNode event = JSON.createObjectNode().put("version", "2.0").put("routeKey", routeKey)
                .put("rawPath", route[1]).put("rawQueryString", "").put("isBase64Encoded", false).put("body", body);
        event.putObject("headers").put("content-type", "application/json");
        event.putObject("pathParameters");
        ObjectNode context = event.putObject("requestContext").put("requestId", UUID.randomUUID().toString())
                .put("routeKey", routeKey).put("stage", "$default");
        context.putObject("http").put("method", route[0]).put("path", route[1]).put("sourceIp", "127.0.0.1");
        return event.toString();
    }
}
