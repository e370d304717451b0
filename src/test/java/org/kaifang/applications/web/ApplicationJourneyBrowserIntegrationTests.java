package org.kaifang.applications.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.Browser;
import org.kaifang.testing.DemoLogins;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole journey in a real browser, with screenshots and axe-core at each step: the applicant checks eligibility and
 * submits; the officer requests a correction and the clock pauses; the applicant resubmits; the officer accepts and
 * recommends approval; the approver, a second person, approves; the applicant sees the decision. Skips without Chromium
 * unless {@code CI=true}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DATABASE, DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
class ApplicationJourneyBrowserIntegrationTests {

    /**
     * The journey happens on 10 June 2025, so that its 60-working-day decision period lies within the built-in
     * calendar's years whatever the date the test runs on.
     */
    @org.springframework.boot.test.context.TestConfiguration
    static class FixedDay {
        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        java.time.Clock fixedClock() {
            return java.time.Clock.fixed(java.time.Instant.parse("2025-06-10T02:00:00Z"), java.time.ZoneOffset.UTC);
        }
    }

    private static Browser browser;
    private static WebDriver driver;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Browser.start();
        driver = browser.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void applicantOfficerAndApproverTakeAnApplicationFromCheckToDecision() throws IOException {
        driver.manage().window().setSize(Browser.DESKTOP);

        // 1. The applicant checks eligibility and starts an application from the determination.
        signIn("applicant.a");
        open("/check?lang=en");
        browser.setValue(driver.findElement(By.id("asOf")), "2025-06-01");
        browser.type("name", "Lingang Cloud Data Co., Ltd.");
        browser.type("seat", "310115");
        browser.type("capital", "10000000");
        browser.type("equity", "100");
        browser.type("facilities", "310115");
        browser.tick("zone-CN-SH-LINGANG");
        browser.tick("service-B11-IDC");
        browser.tick("coverage-CN");
        browser.clickAndWait("check-submit");
        assertThat(driver.findElement(By.id("overall")).getDomAttribute("data-outcome"))
                .isEqualTo("PERMITTED");
        assertThat(driver.findElement(By.id("apply")).isDisplayed()).isTrue();
        browser.screenshot("journey-1-determination");
        browser.clickAndWait("start-application");
        var caseUrl = driver.getCurrentUrl();
        assertThat(caseUrl).matches(".*/applications/[0-9a-f-]{36}.*");
        assertThat(status()).isEqualTo("DRAFT");
        browser.screenshot("journey-2-draft");
        browser.assertAccessible("journey-2-draft");

        browser.clickAndWait("do-submit");
        assertThat(status()).isEqualTo("SUBMITTED");
        assertThat(driver.findElement(By.id("clock-acceptance")).getDomAttribute("data-state"))
                .isEqualTo("RUNNING");
        assertThat(driver.findElement(By.id("determination")).getText()).contains("Permitted");
        browser.fullPageScreenshot("journey-3-submitted");
        browser.assertAccessible("journey-3-submitted");
        signOut();

        // 2. The officer finds it in the queue and requests a correction: the clock pauses.
        signIn("officer");
        open("/applications?lang=en");
        var queue = driver.findElement(By.id("queue"));
        assertThat(queue.getText()).contains("Lingang Cloud Data Co., Ltd.");
        browser.screenshot("journey-4-queue");
        browser.assertAccessible("journey-4-queue");
        open(path(caseUrl));
        browser.clickAndWait("do-request-correction");
        assertThat(driver.findElement(By.id("error-summary")).getText()).contains("Enter the reason");
        browser.screenshot("journey-5-correction-error");
        browser.assertAccessible("journey-5-correction-error");
        driver.findElement(By.id("request-correction-reason"))
                .sendKeys("The lease of the IDC site in Lin-gang is missing");
        browser.clickAndWait("do-request-correction");
        assertThat(status()).isEqualTo("CORRECTION_REQUESTED");
        assertThat(driver.findElement(By.id("clock-acceptance")).getDomAttribute("data-state"))
                .isEqualTo("PAUSED");
        browser.screenshot("journey-6-correction-requested");
        signOut();

        // 3. The applicant sees what is missing and resubmits.
        signIn("applicant.a");
        open(path(caseUrl));
        assertThat(driver.findElement(By.id("correction")).getText()).contains("lease of the IDC site");
        browser.screenshot("journey-7-applicant-sees-correction");
        browser.assertAccessible("journey-7-applicant-sees-correction");
        browser.clickAndWait("do-resubmit");
        assertThat(status()).isEqualTo("SUBMITTED");
        assertThat(driver.findElement(By.id("clock-acceptance")).getDomAttribute("data-state"))
                .isEqualTo("RUNNING");
        signOut();

        // 4. The officer accepts, reviews and recommends approval; they cannot decide themselves.
        signIn("officer");
        open(path(caseUrl));
        // Before the pilot opened Lin-gang, 100% foreign equity in an IDC was not permitted: the re-run shows it.
        browser.clickAndWait("rerun-link");
        browser.setValue(driver.findElement(By.id("asOf")), "2024-01-01");
        browser.clickAndWait("do-rerun");
        assertThat(driver.findElement(By.id("overall-change")).getText()).contains("Permitted", "Not permitted");
        assertThat(driver.findElement(By.id("changes")).getText()).contains("B11/IDC", "outcome");
        browser.fullPageScreenshot("journey-7b-rerun");
        browser.assertAccessible("journey-7b-rerun");
        open(path(caseUrl));
        browser.clickAndWait("do-accept");
        assertThat(status()).isEqualTo("ACCEPTED");
        assertThat(driver.findElement(By.id("clock-decision")).getDomAttribute("data-state"))
                .isEqualTo("RUNNING");
        browser.clickAndWait("do-start-review");
        driver.findElement(By.id("recommend-APPROVE")).click();
        driver.findElement(By.id("recommend-reason")).sendKeys("Meets Order 42 art. 6 and the pilot conditions");
        browser.clickAndWait("do-recommend");
        assertThat(status()).isEqualTo("RECOMMENDED");
        assertThat(driver.findElements(By.id("do-decide"))).isEmpty();
        browser.fullPageScreenshot("journey-8-recommended");
        browser.assertAccessible("journey-8-recommended");
        signOut();

        // 5. A second person, the approver, approves.
        signIn("approver");
        open(path(caseUrl));
        driver.findElement(By.id("decide-APPROVE")).click();
        driver.findElement(By.id("decide-reason")).sendKeys("Approved as recommended");
        browser.clickAndWait("do-decide");
        assertThat(status()).isEqualTo("APPROVED");
        browser.screenshot("journey-9-approved");
        signOut();

        // 6. The applicant sees the decision and the whole history, in Chinese too.
        signIn("applicant.a");
        open(path(caseUrl));
        assertThat(driver.findElement(By.id("decision")).getText()).contains("Approved", "Approved as recommended");
        assertThat(driver.findElements(By.cssSelector("#history li")))
                .extracting(li -> li.getDomAttribute("data-action"))
                .containsExactly(
                        "create",
                        "submit",
                        "request-correction",
                        "resubmit",
                        "accept",
                        "start-review",
                        "recommend-approve",
                        "decide-approve");
        browser.fullPageScreenshot("journey-10-applicant-sees-decision");
        browser.assertAccessible("journey-10-applicant-sees-decision");
        open(path(caseUrl) + "?lang=zh");
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("准予许可");
        browser.screenshot("journey-11-decision-zh");
        browser.assertAccessible("journey-11-decision-zh");
        signOut();

        // Another company's applicant cannot open it.
        signIn("applicant.b");
        open(path(caseUrl));
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("404");
        signOut();
    }

    private String status() {
        return driver.findElement(By.id("status")).getDomAttribute("data-status");
    }

    private void signIn(String username) {
        open("/login?lang=en");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(DemoLogins.PASSWORD);
        browser.clickAndWait("sign-in-submit");
    }

    private void signOut() {
        browser.clickAndWait("sign-out");
    }

    private static String path(String url) {
        var p = url.substring(url.indexOf("/applications/"));
        var q = p.indexOf('?');
        return q < 0 ? p : p.substring(0, q);
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }
}
