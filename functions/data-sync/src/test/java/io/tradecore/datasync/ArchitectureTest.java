package io.tradecore.datasync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the sync stream's rules plain Java, and data-sync apart from the domains whose history it brings in. */
@AnalyzeClasses(packages = "io.tradecore.datasync", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_code_imports_no_framework = noClasses()
            .that().resideInAnyPackage("..datasync.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "tools.jackson..", "com.fasterxml.jackson..", "java.sql..",
                    "javax.sql..", "jakarta..", "org.apache.kafka..", "io.tradecore.contracts..")
            .because("the decider is plain Java over TradeCore's own records (STYLE.md 6)");

    @ArchTest
    static final ArchRule domain_code_reads_no_clock = noClasses()
            .that().resideInAnyPackage("..datasync.domain..")
            .should().callMethod(java.time.Instant.class, "now")
            .because("time comes from the worker's injected clock");

    @ArchTest
    static final ArchRule the_planner_is_pure = noClasses()
            .that().haveSimpleName("SyncPlanner")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                    "org.apache.kafka..", "io.tradecore.kernel.command..", "io.tradecore.kernel.gateway..");

    @ArchTest
    static final ArchRule other_domains_are_reached_through_events_commands_and_queries_only = noClasses()
            .that().resideInAPackage("io.tradecore.datasync..")
            .should().dependOnClassesThat().resideInAnyPackage("io.tradecore.brokerconnection..",
                    "io.tradecore.brokeraccount..", "io.tradecore.order..", "io.tradecore.position..",
                    "io.tradecore.virtualbroker..", "io.tradecore.useraccount..")
            .because("the worker writes no other domain's streams or tables (ARCHITECTURE.md, workers)");
}
