package io.tradecore.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the order domain plain Java, and the order module apart from the other domains. */
@AnalyzeClasses(packages = {"io.tradecore.order", "io.tradecore.kernel.domain"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_code_imports_no_framework = noClasses()
            .that().resideInAnyPackage("..order.domain..", "io.tradecore.kernel.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "tools.jackson..", "com.fasterxml.jackson..", "java.sql..",
                    "javax.sql..", "jakarta..", "org.apache.kafka..")
            .because("domain code is plain Java: deciders, values and events (STYLE.md 6)");

    @ArchTest
    static final ArchRule domain_code_reads_no_clock = noClasses()
            .that().resideInAnyPackage("..order.domain..")
            .should().callMethod(java.time.Instant.class, "now")
            .because("time comes from the injected Clock, through the commands");

    @ArchTest
    static final ArchRule the_domain_does_not_know_its_adapters = noClasses()
            .that().resideInAnyPackage("..order.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..order.readmodel..", "..order.policy..",
                    "..order.placement..", "..order.inbound..", "..order.api..", "io.tradecore.kernel.command..",
                    "io.tradecore.kernel.gateway..", "io.tradecore.kernel.policy..");

    @ArchTest
    static final ArchRule the_order_module_imports_no_other_domain = noClasses()
            .that().resideInAPackage("io.tradecore.order..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tradecore.brokeraccount..",
                    "io.tradecore.virtualbroker..", "io.tradecore.position..", "io.tradecore.useraccount..")
            .because("domains talk through events, commands and query functions (ARCHITECTURE.md)");
}
