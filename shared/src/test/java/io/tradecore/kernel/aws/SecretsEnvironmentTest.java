package io.tradecore.kernel.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Against a local HTTP server that answers as the AWS Parameters and Secrets extension does. */
class SecretsEnvironmentTest {

    private HttpServer extension;
    private final List<String> tokensSeen = new ArrayList<>();

    @BeforeEach
    void extension() throws IOException {
        extension = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        extension.createContext("/secretsmanager/get", exchange -> {
            tokensSeen.add(exchange.getRequestHeaders().getFirst("X-Aws-Parameters-Secrets-Token"));
            String id = exchange.getRequestURI().getQuery().replace("secretId=", "");
            String secret = switch (id) {
                case "db" -> "{\\\"username\\\":\\\"app\\\",\\\"password\\\":\\\"s3cr3t\\\"}";
                case "tokens" -> "{\\\"jwtSecret\\\":\\\"jwt-from-secrets-manager-0123456789abcdef\\\",\\\"fingerprintSecret\\\":\\\"fp\\\"}";
                default -> null;
            };
            byte[] body = (secret == null ? "{}" : "{\"SecretString\":\"" + secret + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(secret == null ? 400 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        extension.start();
    }

    @AfterEach
    void stop() {
        extension.stop(0);
    }

    @Test
    void on_lambda_the_database_and_token_secrets_come_from_secrets_manager() {
        StandardEnvironment environment = environment(Map.of("tradecore.runtime", "lambda",
                "TRADECORE_DB_SECRET_ARN", "db", "TRADECORE_SECURITY_JWT_SECRET_ARN", "tokens", "AWS_SESSION_TOKEN", "session"));

        new SecretsEnvironment().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("app");
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("s3cr3t");
        assertThat(environment.getProperty("tradecore.security.jwt-secret")).isEqualTo("jwt-from-secrets-manager-0123456789abcdef");
        assertThat(environment.getProperty("tradecore.security.fingerprint-secret")).isEqualTo("fp");
        assertThat(tokensSeen).containsOnly("session");
    }

    @Test
    void a_secret_that_cannot_be_read_stops_the_start() {
        StandardEnvironment environment = environment(Map.of("tradecore.runtime", "lambda", "TRADECORE_DB_SECRET_ARN", "missing"));
        assertThatThrownBy(() -> new SecretsEnvironment().postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("HTTP 400");
    }

    @Test
    void outside_lambda_nothing_is_fetched() {
        StandardEnvironment environment = environment(Map.of("TRADECORE_DB_SECRET_ARN", "db"));
        new SecretsEnvironment().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.datasource.password")).isNull();
        assertThat(tokensSeen).isEmpty();
    }

    private StandardEnvironment environment(Map<String, Object> values) {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> all = new java.util.HashMap<>(values);
        all.put("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", String.valueOf(extension.getAddress().getPort()));
        environment.getPropertySources().addFirst(new MapPropertySource("test", all));
        return environment;
    }
}
