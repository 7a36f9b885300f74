package io.tradecore.kernel.aws;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * On Lambda, reads the secrets the deploy points at (their ARNs are in the environment, their values never are)
 * through the AWS Parameters and Secrets extension's local endpoint, before the context starts:
 * {@code TRADECORE_DB_SECRET_ARN} (the RDS-managed secret: username and password) and
 * {@code TRADECORE_SECURITY_JWT_SECRET_ARN} (JSON with {@code jwtSecret} and {@code fingerprintSecret}).
 * A secret that cannot be read stops the start with a clear error rather than running with local defaults.
 */
public final class SecretsEnvironment implements EnvironmentPostProcessor, Ordered {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the environment's own sources are in place
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"lambda".equals(environment.getProperty("tradecore.runtime"))) {
            return;
        }
        Map<String, Object> resolved = new HashMap<>();
        String database = environment.getProperty("TRADECORE_DB_SECRET_ARN");
        if (database != null) {
            JsonNode credentials = JSON.readTree(read(environment, database));
            resolved.put("spring.datasource.username", credentials.get("username").asString());
            resolved.put("spring.datasource.password", credentials.get("password").asString());
        }
        String tokens = environment.getProperty("TRADECORE_SECURITY_JWT_SECRET_ARN");
        if (tokens != null) {
            JsonNode secrets = JSON.readTree(read(environment, tokens));
            resolved.put("tradecore.security.jwt-secret", secrets.get("jwtSecret").asString());
            resolved.put("tradecore.security.fingerprint-secret", secrets.get("fingerprintSecret").asString());
        }
        if (!resolved.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("tradecore-aws-secrets", resolved));
        }
    }

    private static String read(ConfigurableEnvironment environment, String secretId) {
        String port = environment.getProperty("PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", "2773");
        URI uri = URI.create("http://localhost:" + port + "/secretsmanager/get?secretId="
                + URLEncoder.encode(secretId, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .header("X-Aws-Parameters-Secrets-Token", environment.getProperty("AWS_SESSION_TOKEN", "")).GET().build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("secret " + secretId + " could not be read: HTTP " + response.statusCode());
            }
            return JSON.readTree(response.body()).get("SecretString").asString();
        } catch (IOException e) {
            throw new IllegalStateException("secret " + secretId + " could not be read: is the secrets extension layer attached?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading secret " + secretId, e);
        }
    }
}
