package io.tradecore.virtualbroker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the domain plain Java and the broker apart from other domains' code. */
@AnalyzeClasses(packages = "io.tradecore.virtualbroker", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_code_imports_no_framework = noClasses()
            .that().resideInAnyPackage("..virtualbroker.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "tools.jackson..", "com.fasterxml.jackson..", "java.sql..",
                    "javax.sql..", "jakarta..", "org.apache.kafka..")
            .because("domain code is plain Java: deciders, values and events (STYLE.md 6)");

    @ArchTest
    static final ArchRule domain_code_reads_no_clock = noClasses()
            .that().resideInAnyPackage("..virtualbroker.domain..")
            .should().callMethod(java.time.Instant.class, "now")
            .because("time comes from the injected Clock, through the commands");

    @ArchTest
    static final ArchRule the_domain_does_not_know_its_adapters = noClasses()
            .that().resideInAnyPackage("..virtualbroker.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..virtualbroker.book..", "..virtualbroker.broker..",
                    "..virtualbroker.inbound..", "..virtualbroker.feed..", "io.tradecore.contracts..",
                    "io.tradecore.kernel.command..", "io.tradecore.kernel.gateway..");

    @ArchTest
    static final ArchRule no_other_domain_is_imported = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.tradecore.order..", "io.tradecore.brokeraccount..",
                    "io.tradecore.position..", "io.tradecore.useraccount..", "io.tradecore.portfolio..",
                    "io.tradecore.automation..", "io.tradecore.brokerconnection..")
            .because("domains talk through events, commands and queries, never each other's code");
}
