package dev.veltrix.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of DESIGN.md, checked on the compiled code of every module. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.veltrix");
    }

    @Test
    void coreUsesTheJdkOnly() {
        noClasses().that().resideInAPackage("dev.veltrix.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.veltrix.core..", "java..", "javax..")
                .check(classes);
    }

    @Test
    void theClaimsEngineIsPureJavaForTheSdk() {
        noClasses().that().resideInAPackage("dev.veltrix.claims..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.veltrix.claims..", "java..")
                .check(classes);
    }

    @Test
    void storageKnowsNoCapabilityAndNoWebLayer() {
        noClasses().that().resideInAPackage("dev.veltrix.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.veltrix.economy..", "dev.veltrix.server..",
                        "io.javalin..")
                .check(classes);
    }

    @Test
    void capabilitiesKnowNothingOfTheServerOrHttp() {
        noClasses().that().resideInAnyPackage("dev.veltrix.economy..", "dev.veltrix.network..", "dev.veltrix.commerce..",
                        "dev.veltrix.progression..", "dev.veltrix.branding..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.veltrix.server..", "io.javalin..", "dev.veltrix.sdk..")
                .check(classes);
    }

    @Test
    void domainCodeReachesSqlOnlyThroughItsStoragePort() {
        for (String feature : java.util.List.of("ledger", "market", "exchange", "inflation")) {
            noClasses().that().resideInAPackage("dev.veltrix.economy." + feature)
                    .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "dev.veltrix.storage..",
                            "dev.veltrix.economy.*.sql..")
                    .check(classes);
        }
    }

    @Test
    void theMatchingEngineIsPureInMemoryCode() {
        noClasses().that().haveSimpleNameStartingWith("MatchingEngine").or().haveSimpleName("PairBook")
                .or().haveSimpleName("PriceLevel").or().haveSimpleName("RestingOrder")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "dev.veltrix.storage..",
                        "dev.veltrix.economy.ledger.sql..")
                .check(classes);
    }

    @Test
    void theSdkStandsAlone() {
        noClasses().that().resideInAPackage("dev.veltrix.sdk..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.veltrix.core..", "dev.veltrix.server..",
                        "dev.veltrix.economy..", "dev.veltrix.storage..")
                .check(classes);
    }
}
