package io.tradecore.kernel.aws;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The event loop of a Lambda custom runtime ({@code provided.al2023}): the deploy's JDK 25 package starts this
 * class from its {@code bootstrap}, so the function runs on a JDK whose AOT cache the managed Java runtime cannot
 * load. It speaks the Lambda Runtime API ({@code AWS_LAMBDA_RUNTIME_API}) itself: constructs the handler named by
 * {@code _HANDLER} ({@code class::handleRequest}, the same value the managed runtime takes) during init, then
 * fetches one event at a time and posts the handler's answer, or its error, back.
 */
public final class CustomRuntime {

    private static final String VERSION = "/2018-06-01/runtime";

    private final String base;

    CustomRuntime(String runtimeApi) {
        this.base = "http://" + runtimeApi + VERSION;
    }

    public static void main(String[] args) {
        String api = System.getenv("AWS_LAMBDA_RUNTIME_API");
        String handler = args.length > 0 ? args[0] : System.getenv("_HANDLER");
        if (api == null || handler == null) {
            throw new IllegalStateException("AWS_LAMBDA_RUNTIME_API and _HANDLER (or a handler argument) are required");
        }
        new CustomRuntime(api).run(handler);
    }

    /** Init, then invocations until the platform freezes or ends the process. */
    void run(String handlerName) {
        RequestStreamHandler handler;
        try {
            handler = construct(handlerName);
        } catch (Throwable e) {
            post("/init/error", error(e));
            throw new IllegalStateException("init failed", e);
        }
        while (true) {
            if (!invokeNext(handler)) {
                return;
            }
        }
    }

    static RequestStreamHandler construct(String handlerName) throws ReflectiveOperationException {
        String className = handlerName.contains("::") ? handlerName.substring(0, handlerName.indexOf("::")) : handlerName;
        return (RequestStreamHandler) Class.forName(className).getConstructor().newInstance();
    }

    /** One event: false when the Runtime API is gone (a test's fake server stopped). */
    boolean invokeNext(RequestStreamHandler handler) {
        String requestId;
        byte[] event;
        try {
            HttpURLConnection next = open("/invocation/next", "GET");
            requestId = next.getHeaderField("Lambda-Runtime-Aws-Request-Id");
            String trace = next.getHeaderField("Lambda-Runtime-Trace-Id");
            if (trace != null) {
                System.setProperty("com.amazonaws.xray.traceHeader", trace);
            }
            try (InputStream body = next.getInputStream()) {
                event = body.readAllBytes();
            }
        } catch (IOException gone) {
            return false;
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new java.io.ByteArrayInputStream(event), answer, null);
        } catch (Throwable e) {
            post("/invocation/" + requestId + "/error", error(e));
            return true;
        }
        post("/invocation/" + requestId + "/response", answer.toByteArray());
        return true;
    }

    private void post(String path, byte[] body) {
        try {
            HttpURLConnection connection = open(path, "POST");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            connection.getResponseCode();
            connection.getInputStream().close();
        } catch (IOException e) {
            throw new IllegalStateException("the Lambda Runtime API refused " + path, e);
        }
    }

    private HttpURLConnection open(String path, String method) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setReadTimeout(0); // /next blocks until an event arrives
        return connection;
    }

    /** The Runtime API's error document; the stack trace stays in the function's log, not the caller's answer. */
    private static byte[] error(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        System.err.print(trace);
        String message = String.valueOf(e.getMessage()).replace("\\", "\\\\").replace("\"", "\\\"")
                .replace("\n", " ");
        return ("{\"errorMessage\":\"" + message + "\",\"errorType\":\"" + e.getClass().getName() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
