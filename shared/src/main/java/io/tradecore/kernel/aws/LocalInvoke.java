package io.tradecore.kernel.aws;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Plays the Lambda runtime on a developer machine: constructs a handler (the init phase, which boots the
 * context), feeds it one event from a file, prints the answer, and reports how long after JVM start the first
 * invocation was done. The cold-start benchmark runs a function's deployment package through it.
 *
 * <pre>{@code java -cp tradecore-user-account-aws.jar io.tradecore.kernel.aws.LocalInvoke \
 *     io.tradecore.kernel.aws.HttpApiHandler event.json}</pre>
 */
public final class LocalInvoke {

    private LocalInvoke() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: LocalInvoke <handler class> <event.json>");
        }
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long initStart = System.currentTimeMillis();
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getConstructor().newInstance();
        long initDone = System.currentTimeMillis();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try (InputStream event = Files.newInputStream(Path.of(args[1]))) {
            handler.handleRequest(event, answer, null);
        }
        long invoked = System.currentTimeMillis();
        System.out.println(answer.toString(StandardCharsets.UTF_8));
        System.err.printf("cold start: jvm-to-main %d ms, init %d ms, first invocation %d ms, total %d ms%n",
                initStart - jvmStart, initDone - initStart, invoked - initDone, invoked - jvmStart);
        System.exit(0); // the context's pools and schedulers would keep the JVM alive
    }
}
