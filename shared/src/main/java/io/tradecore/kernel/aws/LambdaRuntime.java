package io.tradecore.kernel.aws;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Spring context per Lambda container, started during the init phase (and so captured by a SnapStart
 * snapshot), and the one function this Lambda serves.
 */
public final class LambdaRuntime {

    private static volatile LambdaRuntime booted;

    private final ConfigurableApplicationContext context;
    private final String function;

    public LambdaRuntime(ConfigurableApplicationContext context, String function) {
        if (function == null || function.isBlank() || function.contains(";") || function.contains("|")) {
            throw new IllegalStateException("a Lambda serves one function: set spring.cloud.function.definition");
        }
        this.context = context;
        this.function = function;
    }

    /** The container's runtime, booting it on first use. */
    static LambdaRuntime get() {
        LambdaRuntime runtime = booted;
        if (runtime == null) {
            synchronized (LambdaRuntime.class) {
                runtime = booted;
                if (runtime == null) {
                    ConfigurableApplicationContext context = new SpringApplicationBuilder(LambdaApplication.class)
                            .web(WebApplicationType.NONE)
                            .properties("tradecore.runtime=lambda")
                            .run();
                    runtime = new LambdaRuntime(context,
                            context.getEnvironment().getProperty("spring.cloud.function.definition"));
                    booted = runtime;
                }
            }
        }
        return runtime;
    }

    public String function() {
        return function;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public JsonMapper json() {
        return context.getBean(JsonMapper.class);
    }

    /** The function, through Spring Cloud Function's catalog (so its type conversion and observation apply). */
    public <T> T lookup(Class<?> kind) {
        T found = context.getBean(FunctionCatalog.class).lookup(kind, function);
        if (found == null) {
            throw new IllegalStateException("no " + kind.getSimpleName() + " function named " + function);
        }
        return found;
    }
}
