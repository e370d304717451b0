package org.kaifang.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Audit learns of changes only from the events other modules publish (and the types those events carry), and of who is
 * signed in from {@code CurrentUser}; it never calls another module's API or reads its tables. It provides the web
 * shell's {@code AdminWarnings}.
 */
class AuditIndependenceTests {

    static final Set<String> ALLOWED = Set.of(
            "org.kaifang.applications.ApplicationChanged",
            "org.kaifang.applications.ApplicationId",
            "org.kaifang.applications.ApplicationStatus",
            "org.kaifang.applications.ApplicationType",
            "org.kaifang.screening.ScreeningReviewed",
            "org.kaifang.screening.ReviewAction$Kind",
            "org.kaifang.screening.AlertStatus",
            "org.kaifang.screening.ListRef",
            "org.kaifang.licensing.LicenceChanged",
            "org.kaifang.licensing.LicenceChange",
            "org.kaifang.licensing.LicenceView",
            "org.kaifang.licensing.LicenceId",
            "org.kaifang.licensing.LicenceStatus",
            "org.kaifang.licensing.Termination",
            "org.kaifang.licensing.CreditListChanged",
            "org.kaifang.licensing.CreditListEntry",
            "org.kaifang.licensing.CreditList",
            "org.kaifang.accounts.CurrentUser",
            "org.kaifang.accounts.UserId",
            "org.kaifang.accounts.Username",
            "org.kaifang.accounts.OrganisationId",
            // The shell's extension point for warning administrators (a broken chain at start-up): audit tells the
            // shell, it reads nothing of it.
            "org.kaifang.web.AdminWarnings",
            "org.kaifang.web.AdminWarnings$Warning");

    @Test
    void dependsOnOtherModulesOnlyThroughTheirEvents() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.kaifang");
        noClasses()
                .that()
                .resideInAnyPackage("org.kaifang.audit..")
                .should()
                .dependOnClassesThat(new DescribedPredicate<JavaClass>("belong to another module and are no event") {
                    @Override
                    public boolean test(JavaClass c) {
                        return c.getPackageName().startsWith("org.kaifang.")
                                && !c.getPackageName().startsWith("org.kaifang.audit")
                                && !ALLOWED.contains(c.getName());
                    }
                })
                .check(classes);
    }
}
