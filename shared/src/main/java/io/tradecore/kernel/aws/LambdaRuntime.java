package io.tradecore.kernel.aws;

import io.tradecore.kernel.catalog.FunctionCatalogIndex;
import io.tradecore.kernel.function.Actor;
import io.tradecore.kernel.gateway.Gateway;
import io.tradecore.kernel.gateway.HttpCall;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
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
                    StartupReport report = StartupReport.requested();
                    ConfigurableApplicationContext context = LambdaApplication.builder()
                            .applicationStartup(report.startup())
                            .run();
                    report.printAtExit();
                    runtime = new LambdaRuntime(context,
                            context.getEnvironment().getProperty("spring.cloud.function.definition"));
                    booted = runtime;
                    Core.getGlobalContext().register(new Priming(runtime));
                }
            }
        }
        return runtime;
    }

    /**
     * SnapStart priming: before the snapshot, run the handler path once on a request that is refused before it
     * touches any data (so classes are loaded and initialised in the snapshot, not on the first user request).
     * Spring suspends the connection pool around the snapshot itself.
     */
    private record Priming(LambdaRuntime runtime) implements Resource {
        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            runtime.prime();
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
        }
    }

    void prime() {
        var catalog = bean(FunctionCatalogIndex.class).require(function);
        if (catalog.http() == null) {
            return;
        }
        var call = new HttpCall(Map.of(), Map.of(), name -> null,
                "{not json".getBytes(StandardCharsets.UTF_8), Actor.anonymous());
        json().writeValueAsString(bean(Gateway.class).handle(function, call).body());
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
