package io.tradecore.kernel.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/** A job function invoked by a schedule (EventBridge Scheduler); the event's content is not used. */
public final class ScheduledJobHandler implements RequestStreamHandler {

    private final Supplier<Object> function;
    private final JsonMapper json;

    public ScheduledJobHandler() {
        this(LambdaRuntime.get());
    }

    public ScheduledJobHandler(LambdaRuntime runtime) {
        this.function = runtime.lookup(Supplier.class);
        this.json = runtime.json();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        json.writeValue(output, function.get());
    }
}
