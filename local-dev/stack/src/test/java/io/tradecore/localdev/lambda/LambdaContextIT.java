package io.tradecore.localdev.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradecore.kernel.aws.LambdaApplication;
import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.catalog.FunctionCatalogIndex;
import io.tradecore.kernel.testing.TestStack;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Lambda context boots only the auto-configurations the functions use (LambdaAutoConfigurations). With every
 * module on the classpath, as in no single deployment package, that trimmed context must still serve every function
 * of the catalog: a module whose beans need something the trim left out fails here, not on its first cold start.
 */
@SpringBootTest(classes = LambdaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "tradecore.runtime=lambda")
class LambdaContextIT {

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestStack.register(registry);
    }

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    FunctionCatalogIndex catalog;

    @Test
    void every_catalog_function_is_served_by_the_trimmed_context() {
        List<String> names = catalog.entries().map(CatalogEntry::name).toList();
        assertThat(names).contains("createUser", "placeOrder", "recordTick", "projectPositions", "migrateSchema");

        FunctionCatalog functions = context.getBean(FunctionCatalog.class);
        assertThat(names).allSatisfy(name -> assertThat((Object) functions.lookup(name)).as(name).isNotNull());
    }

    @Test
    void the_context_leaves_out_endpoints_listeners_and_integration() {
        List<String> types = Arrays.stream(context.getBeanFactory().getBeanDefinitionNames())
                .map(context.getBeanFactory()::getType)
                .filter(Objects::nonNull)
                .map(Class::getName)
                .toList();
        assertThat(types).isNotEmpty()
                .noneMatch(type -> type.startsWith("org.springframework.boot.actuate."))
                .noneMatch(type -> type.startsWith("org.springframework.integration."))
                .noneMatch(type -> type.startsWith("org.springframework.cloud.stream."))
                .noneMatch(type -> type.startsWith("org.springframework.web.servlet."));
    }
}
