package org.kaifang.screening;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The architecture gives screening no dependencies on other modules: it is used, it uses nobody. */
class ScreeningIndependenceTests {

    @Test
    void dependsOnNoOtherModule() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.kaifang.screening");
        noClasses()
                .that()
                .resideInAPackage("org.kaifang.screening")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.kaifang.eligibility..",
                        "org.kaifang.ownership..",
                        "org.kaifang.rules..",
                        "org.kaifang.web..",
                        "org.kaifang.cli..")
                .check(classes);
    }

    @Test
    void theMatcherDoesNoIo() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.kaifang.screening");
        noClasses()
                .that()
                .haveNameMatching("org\\.kaifang\\.screening\\.(Name.*|Romanisation|Similarity|Screening)(\\$.*)?")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.io..", "java.nio..", "java.net..", "java.sql..")
                .orShould()
                .callMethod(java.time.LocalDate.class, "now")
                .check(classes);
    }
}
