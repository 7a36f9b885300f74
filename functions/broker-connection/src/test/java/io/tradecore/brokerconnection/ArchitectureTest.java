package io.tradecore.brokerconnection;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the domain plain Java, and broker_connection apart from the domains it talks to. */
@AnalyzeClasses(packages = "io.tradecore.brokerconnection", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_code_imports_no_framework = noClasses()
            .that().resideInAPackage("..brokerconnection.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "tools.jackson..", "com.fasterxml.jackson..", "java.sql..",
                    "javax.sql..", "jakarta..", "org.apache.kafka..", "io.github.resilience4j..", "java.net..")
            .because("domain code is plain Java: deciders, values and events (STYLE.md 6)");

    @ArchTest
    static final ArchRule domain_code_reads_no_clock = noClasses()
            .that().resideInAPackage("..brokerconnection.domain..")
            .should().callMethod(java.time.Instant.class, "now")
            .because("time comes from the function's Clock, in each command");

    @ArchTest
    static final ArchRule the_domain_does_not_know_its_adapters = noClasses()
            .that().resideInAPackage("..brokerconnection.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..brokerconnection.readmodel..",
                    "..brokerconnection.saga..", "..brokerconnection.adapter..", "..brokerconnection.credentials..",
                    "..brokerconnection.api..", "io.tradecore.contracts..", "io.tradecore.kernel.command..",
                    "io.tradecore.kernel.gateway..", "io.tradecore.kernel.eventstore..", "io.tradecore.kernel.saga..");

    @ArchTest
    static final ArchRule other_domains_are_known_only_by_their_events = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.tradecore.brokeraccount..", "io.tradecore.order..",
                    "io.tradecore.virtualbroker..", "io.tradecore.position..", "io.tradecore.useraccount..")
            .because("domains talk through events, commands their own policies send, and query functions");

    @ArchTest
    static final ArchRule only_the_vault_touches_cryptography = noClasses()
            .that().resideOutsideOfPackage("..brokerconnection.credentials..")
            .should().dependOnClassesThat().resideInAnyPackage("javax.crypto..")
            .because("credentials are sealed and opened in one place");
}
