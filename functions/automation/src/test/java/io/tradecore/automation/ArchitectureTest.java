package io.tradecore.automation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the domain plain Java, and automation apart from the other domains' code. */
@AnalyzeClasses(packages = {"io.tradecore.automation", "io.tradecore.kernel.domain"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_code_imports_no_framework = noClasses()
            .that().resideInAnyPackage("..automation.domain..", "io.tradecore.kernel.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "tools.jackson..", "com.fasterxml.jackson..", "java.sql..",
                    "javax.sql..", "jakarta..", "org.apache.kafka..")
            .because("domain code is plain Java: deciders, values and events (STYLE.md 6)");

    @ArchTest
    static final ArchRule domain_code_reads_no_clock = noClasses()
            .that().resideInAnyPackage("..automation.domain..")
            .should().callMethod(java.time.Instant.class, "now")
            .because("time comes from the functions' injected clock");

    @ArchTest
    static final ArchRule the_domain_does_not_know_its_adapters = noClasses()
            .that().resideInAnyPackage("..automation.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..automation.readmodel..", "..automation.policy..",
                    "..automation.foreign..", "..automation.api..", "..automation.creation..", "..automation.publish..", "io.tradecore.kernel.command..",
                    "io.tradecore.kernel.gateway..");

    @ArchTest
    static final ArchRule other_domains_are_read_through_own_records = noClasses()
            .that().resideInAPackage("io.tradecore.automation..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tradecore.virtualbroker..", "io.tradecore.order..", "io.tradecore.position..",
                    "io.tradecore.brokeraccount..", "io.tradecore.useraccount..")
            .because("domains talk through events, commands and queries, never each other's code (TRADING.md)");
}
