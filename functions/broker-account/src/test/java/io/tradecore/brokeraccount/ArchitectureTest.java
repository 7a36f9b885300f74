package io.tradecore.brokeraccount;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the domain plain Java, and broker_account apart from the domains it talks to. */
@AnalyzeClasses(packages = "io.tradecore.brokeraccount", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_code_imports_no_framework = noClasses()
            .that().resideInAPackage("..brokeraccount.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "tools.jackson..", "com.fasterxml.jackson..", "java.sql..",
                    "javax.sql..", "jakarta..", "org.apache.kafka..")
            .because("domain code is plain Java: deciders, values and events (STYLE.md 6)");

    @ArchTest
    static final ArchRule domain_code_reads_no_clock = noClasses()
            .that().resideInAPackage("..brokeraccount.domain..")
            .should().callMethod(java.time.Instant.class, "now")
            .because("time comes from the function's Clock, in each command");

    @ArchTest
    static final ArchRule the_domain_does_not_know_its_adapters = noClasses()
            .that().resideInAPackage("..brokeraccount.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..brokeraccount.readmodel..", "..brokeraccount.policy..",
                    "..brokeraccount.api..", "io.tradecore.kernel.command..", "io.tradecore.kernel.gateway..",
                    "io.tradecore.kernel.eventstore..");

    @ArchTest
    static final ArchRule other_domains_are_known_only_by_their_events = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("io.tradecore.order..", "io.tradecore.virtualbroker..",
                    "io.tradecore.position..", "io.tradecore.useraccount..", "io.tradecore.contracts..")
            .because("domains talk through events and query functions, read with their own records (TRADING.md)");
}
