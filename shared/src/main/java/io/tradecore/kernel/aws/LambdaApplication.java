package io.tradecore.kernel.aws;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The Spring application a Lambda boots: the kernel and whichever function modules its package holds. Its
 * {@link #main} is what Spring AOT runs at build time ({@code process-aot}) to precompute the Lambda context's
 * bean definitions; a package built so starts with {@code -Dspring.aot.enabled=true} and skips configuration-class
 * parsing and condition evaluation.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class LambdaApplication {

    /** The one way the Lambda context is built, at run time and by the AOT processor alike. */
    static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(LambdaApplication.class)
                .main(LambdaApplication.class) // names the AOT initializer: LambdaApplication__ApplicationContextInitializer
                .web(WebApplicationType.NONE)
                .properties("tradecore.runtime=lambda");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
