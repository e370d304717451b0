package org.kaifang;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Repository;

/** House rules that Modulith's verification does not cover. */
@AnalyzeClasses(packages = "org.kaifang", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    /** The engine is a pure function: no database, no files, no network, no clock. */
    @ArchTest
    static final ArchRule engineDoesNoIo = noClasses()
            .that()
            .haveNameMatching(
                    "org\\.kaifang\\.eligibility\\.(EligibilityEngine|RequestReader|Scope|Percent|Money|RequiredParameters)(\\$.*)?")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "java.io..",
                    "java.nio..",
                    "java.net..",
                    "java.sql..",
                    "org.springframework.jdbc..",
                    "org.springframework.web..")
            .orShould()
            .callMethod(java.time.LocalDate.class, "now")
            .orShould()
            .callMethod(java.time.Instant.class, "now")
            .orShould()
            .callMethod(System.class, "currentTimeMillis");

    /** Domain types of the rules module know nothing of the web or the database. */
    @ArchTest
    static final ArchRule rulesAreFreeOfInfrastructure = noClasses()
            .that()
            .resideInAPackage("org.kaifang.rules")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web..", "org.springframework.jdbc..", "jakarta.servlet..");

    /** Repositories stay inside their module. */
    @ArchTest
    static final ArchRule repositoriesAreNotPublic =
            classes().that().areAnnotatedWith(Repository.class).should().notBePublic();

    /** Packages by business capability, not by layer. */
    @ArchTest
    static final ArchRule noLayerPackages = noClasses()
            .should()
            .resideInAnyPackage(
                    "..controller..", "..service..", "..repository..", "..model..", "..common..", "..util..");

    /** No interface-plus-single-implementation pairs. */
    @ArchTest
    static final ArchRule noServiceImpl = noClasses().should().haveSimpleNameEndingWith("Impl");

    /** Web controllers are package-private. */
    @ArchTest
    static final ArchRule controllersArePackagePrivate = classes()
            .that()
            .areAnnotatedWith(org.springframework.stereotype.Controller.class)
            .or()
            .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should()
            .notBePublic();
}
