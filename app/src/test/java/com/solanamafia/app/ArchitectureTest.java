package com.solanamafia.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module lines of the architecture: dependencies point one way. */
@AnalyzeClasses(packages = "com.solanamafia", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule readSideNeverUsesTheWriteSide = noClasses()
            .that().resideInAnyPackage("com.solanamafia.projections..", "com.solanamafia.query..")
            .should().dependOnClassesThat().resideInAnyPackage("com.solanamafia.command..", "com.solanamafia.ingest..",
                    "com.solanamafia.sim..", "com.solanamafia.app..");

    @ArchTest
    static final ArchRule coreApiDependsOnNoModule = noClasses()
            .that().resideInAPackage("com.solanamafia.api..")
            .should().dependOnClassesThat().resideInAnyPackage("com.solanamafia.command..", "com.solanamafia.ingest..",
                    "com.solanamafia.projections..", "com.solanamafia.query..", "com.solanamafia.sim..", "com.solanamafia.app..");

    @ArchTest
    static final ArchRule onlyTheAppKnowsEveryModule = noClasses()
            .that().resideInAnyPackage("com.solanamafia.command..", "com.solanamafia.ingest..", "com.solanamafia.sim..")
            .should().dependOnClassesThat().resideInAnyPackage("com.solanamafia.app..", "com.solanamafia.projections..",
                    "com.solanamafia.query..");

    @ArchTest
    static final ArchRule ingestKnowsNoAggregate = noClasses()
            .that().resideInAPackage("com.solanamafia.ingest..")
            .should().dependOnClassesThat().resideInAPackage("com.solanamafia.command..");
}
