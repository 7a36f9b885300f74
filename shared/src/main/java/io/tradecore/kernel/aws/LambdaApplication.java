package io.tradecore.kernel.aws;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The Spring application a Lambda boots: the kernel and whichever function modules its package holds. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class LambdaApplication {
}
