package org.kaifang.calendar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The calendar's domain is pure: only the store and the built-in loader read files; nothing reads the clock. */
@AnalyzeClasses(packages = "org.kaifang.calendar", importOptions = ImportOption.DoNotIncludeTests.class)
class CalendarArchitectureTests {

    @ArchTest
    static final ArchRule domainDoesNoIoAndTakesTimeAsInput = noClasses()
            .that()
            .resideInAPackage("org.kaifang.calendar")
            .and()
            .haveNameNotMatching("org\\.kaifang\\.calendar\\.(CalendarStore|BuiltInYears|CalendarSettings)(\\$.*)?")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.io..", "java.nio..", "java.net..", "org.springframework.web..")
            .orShould()
            .callMethod(java.time.LocalDate.class, "now")
            .orShould()
            .callMethod(java.time.Instant.class, "now")
            .orShould()
            .callMethod(System.class, "currentTimeMillis");
}
