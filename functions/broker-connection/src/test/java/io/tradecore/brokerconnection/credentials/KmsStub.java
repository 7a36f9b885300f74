package io.tradecore.brokerconnection.credentials;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A loopback server that speaks the KMS wire protocol (AWS JSON 1.1: {@code POST /}, {@code X-Amz-Target:
 * TrentService.<Operation>}, base64 blobs) for {@code GenerateDataKey} and {@code Decrypt}, so the real AWS SDK client
 * can be tested without AWS. Like KMS it binds the encryption context into the ciphertext (AES-GCM associated data
 * over the sorted context and the key ARN) and answers a mismatched context with HTTP 400
 * {@code InvalidCiphertextException}; an unknown key id gets {@code NotFoundException}. It is a protocol stub, not
 * KMS: no key policies, grants, rotation or HSMs. It records each request's operation, signing scheme and context.
 */
final class KmsStub implements AutoCloseable {

    static final String KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/0b7e2f8a-1111-2222-3333-444455556666";
    static final String ALIAS = "alias/tradecore-test-credentials";

    record Call(String operation, String contentType, String authorization, Map<String, String> context) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final byte[] masterKey = new byte[32];
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    KmsStub() throws IOException {
        RANDOM.nextBytes(masterKey);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            Map<String, String> context = context(body);
            calls.add(new Call(target.replace("TrentService.", ""), exchange.getRequestHeaders().getFirst("Content-Type"),
                    String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")), context));
            if (!keyKnown(body.path("KeyId").asString(KEY_ARN))) {
                error(exchange, "NotFoundException", "Key '" + body.path("KeyId").asString() + "' does not exist");
                return;
            }
            switch (target) {
                case "TrentService.GenerateDataKey" -> generateDataKey(exchange, body, context);
                case "TrentService.Decrypt" -> decrypt(exchange, body, context);
                default -> error(exchange, "UnsupportedOperationException", "the stub does not implement " + target);
            }
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private void generateDataKey(HttpExchange exchange, JsonNode body, Map<String, String> context)
            throws IOException, GeneralSecurityException {
        if (!"AES_256".equals(body.path("KeySpec").asString(""))) {
            error(exchange, "ValidationException", "the stub makes AES_256 data keys only");
            return;
        }
        byte[] plaintext = new byte[32];
        RANDOM.nextBytes(plaintext);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("KeyId", KEY_ARN);
        answer.put("Plaintext", Base64.getEncoder().encodeToString(plaintext));
        answer.put("CiphertextBlob", Base64.getEncoder().encodeToString(seal(plaintext, context)));
        send(exchange, 200, answer.toString());
    }

    private void decrypt(HttpExchange exchange, JsonNode body, Map<String, String> context) throws IOException {
        byte[] blob = Base64.getDecoder().decode(body.path("CiphertextBlob").asString(""));
        byte[] plaintext;
        try {
            plaintext = open(blob, context);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            error(exchange, "InvalidCiphertextException", null);
            return;
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("KeyId", KEY_ARN);
        answer.put("Plaintext", Base64.getEncoder().encodeToString(plaintext));
        answer.put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
        send(exchange, 200, answer.toString());
    }

    private static boolean keyKnown(String keyId) {
        return keyId.equals(KEY_ARN) || keyId.equals(ALIAS) || KEY_ARN.endsWith("/" + keyId);
    }

    private static Map<String, String> context(JsonNode body) {
        Map<String, String> context = new TreeMap<>();
        body.path("EncryptionContext").properties().forEach(e -> context.put(e.getKey(), e.getValue().asString()));
        return context;
    }

    private byte[] seal(byte[] plaintext, Map<String, String> context) throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(associatedData(context));
        byte[] sealed = cipher.doFinal(plaintext);
        return ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
    }

    private byte[] open(byte[] blob, Map<String, String> context) throws GeneralSecurityException {
        if (blob.length <= 12) {
            throw new GeneralSecurityException("too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(masterKey, "AES"), new GCMParameterSpec(128, blob, 0, 12));
        cipher.updateAAD(associatedData(context));
        return cipher.doFinal(blob, 12, blob.length - 12);
    }

    private static byte[] associatedData(Map<String, String> context) {
        return (KEY_ARN + "|" + context).getBytes(StandardCharsets.UTF_8); // TreeMap: sorted, so order-independent
    }

    private static void error(HttpExchange exchange, String type, String message) throws IOException {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("__type", type);
        if (message != null) {
            answer.put("message", message);
        }
        exchange.getResponseHeaders().add("x-amzn-ErrorType", type);
        send(exchange, 400, answer.toString());
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
