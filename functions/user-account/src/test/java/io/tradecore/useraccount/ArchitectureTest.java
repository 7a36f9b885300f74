package io.tradecore.useraccount;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the domain plain Java, and the kernel's domain building blocks free of frameworks too. */
@AnalyzeClasses(packages = {"io.tradecore.useraccount", "io.tradecore.kernel.domain"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_code_imports_no_framework = noClasses()
            .that().resideInAnyPackage("..useraccount.domain..", "io.tradecore.kernel.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "tools.jackson..", "com.fasterxml.jackson..", "java.sql..",
                    "javax.sql..", "jakarta..", "org.apache.kafka..")
            .because("domain code is plain Java: deciders, values and events (STYLE.md 6)");

    @ArchTest
    static final ArchRule domain_code_reads_no_clock = noClasses()
            .that().resideInAnyPackage("..useraccount.domain..")
            .should().callMethod(java.time.Instant.class, "now")
            .because("time comes from the injected Clock, through the event envelope");

    @ArchTest
    static final ArchRule the_domain_does_not_know_its_adapters = noClasses()
            .that().resideInAnyPackage("..useraccount.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..useraccount.readmodel..",
                    "..useraccount.credentials..", "io.tradecore.kernel.command..", "io.tradecore.kernel.gateway..");
}
