package org.kaifang.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaifang.register.DemoRegisterState;
import org.kaifang.testing.Browser;
import org.kaifang.testing.DemoLogins;
import org.kaifang.testing.DemoRegisterContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A what-if in a real browser over the demo register, signed in as the demo registrar: the form, the run's progress
 * streamed in by htmx's SSE extension, the report by service and area with the affected enterprises, and one
 * enterprise's per-rule difference; axe-core checks and screenshots in both languages and on a phone. An applicant is
 * refused. Shares its settings (and context) with the demo statistics tests.
 */
@DemoRegisterContext
class WhatIfBrowserIntegrationTests {

    private static Browser browser;
    private static WebDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    DemoRegisterState demoRegister;

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

    @BeforeEach
    void freshSession() throws InterruptedException {
        assertThat(demoRegister.awaitLoaded(10, TimeUnit.MINUTES)).isTrue();
        driver.manage().window().setSize(Browser.DESKTOP);
        driver.get(url("/"));
        driver.manage().deleteAllCookies();
    }

    @Test
    void aRegistrarRunsTheTwentyCityCandidateWatchesItsProgressAndReadsTheReport() throws IOException {
        signIn("registrar");
        driver.findElement(By.linkText("What-if")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("start-form")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Policy what-if");

        // Bad input first: the form is re-shown with the problem at its field.
        var asOf = driver.findElement(By.id("asOf"));
        asOf.clear();
        asOf.sendKeys("2025-02-30");
        browser.clickAndWait("start");
        assertThat(driver.findElement(By.id("problems")).getText()).contains("As of");
        assertThat(driver.findElement(By.id("asOf-error")).getText()).contains("YYYY-MM-DD");
        browser.screenshot("whatif-form-errors-en");
        browser.assertAccessible("whatif-form-errors-en");

        new Select(driver.findElement(By.id("candidate"))).selectByValue("twenty-cities-2025");
        asOf = driver.findElement(By.id("asOf"));
        asOf.clear();
        asOf.sendKeys("2025-09-01");
        browser.clickAndWait("start");

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("What-if run");
        if (!driver.findElements(By.id("progress-section")).isEmpty()) {
            // The progress streams in while the run lasts; the run page then offers its report.
            // The first event replaces the server-rendered text with the streamed one, which carries the run's status.
            // htmx swaps the fragment on every page of subjects: an element found a moment ago may be gone.
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> {
                        var text = d.findElement(By.id("progress-text"));
                        return text.getDomAttribute("data-status") != null
                                && text.getText().contains("subjects judged");
                    });
            browser.screenshot("whatif-progress-en");
            browser.assertAccessible("whatif-progress-en");
            new WebDriverWait(driver, Duration.ofMinutes(3))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("show-report")));
            assertThat(driver.findElement(By.id("progress-text")).getDomAttribute("data-status"))
                    .isEqualTo("DONE");
            assertThat(driver.findElement(By.id("progress-bar")).getDomAttribute("value"))
                    .isEqualTo("100");
            browser.screenshot("whatif-finished-en");
            browser.clickAndWait("show-report");
        }

        assertThat(driver.findElement(By.id("run-status")).getText()).isEqualTo("Done");
        assertThat(driver.findElement(By.id("groups")).getText()).contains("B14/USER_ACCESS", "Tianjin", "Gain");
        var affected = driver.findElement(By.id("affected")).getText();
        assertThat(affected).contains("天津恒达演示数据服务（合资）有限公司", "NOT_PERMITTED → REFER");
        assertThat(driver.findElement(By.id("affected-csv")).getDomAttribute("href"))
                .endsWith("/affected.csv");
        browser.fullPageScreenshot("whatif-report-en");
        browser.assertAccessible("whatif-report-en");
        browser.assertEverythingLoadedFrom(port);

        var enterprise = driver.findElement(By.linkText("天津恒达演示数据服务（合资）有限公司"));
        var old = driver.findElement(By.tagName("html"));
        enterprise.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(Browser.pageChanged(old));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("天津恒达演示数据服务（合资）有限公司");
        var diff = driver.findElement(By.cssSelector(".rule-diff")).getText();
        assertThat(diff).contains("pilot.vas-opening", "equity.cap", "REFER", "NOT_PERMITTED");
        browser.fullPageScreenshot("whatif-enterprise-en");
        browser.assertAccessible("whatif-enterprise-en");

        driver.get(driver.getCurrentUrl().replaceAll("\\?.*", "") + "?lang=zh");
        assertThat(driver.findElement(By.cssSelector(".rule-diff")).getText()).contains("试点");
        browser.fullPageScreenshot("whatif-enterprise-zh");
        browser.assertAccessible("whatif-enterprise-zh");

        open("/whatif?lang=zh");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("政策推演");
        assertThat(driver.findElement(By.id("runs")).getText()).contains("twenty-cities-2025", "已完成");
        browser.screenshot("whatif-runs-zh");
        browser.assertAccessible("whatif-runs-zh");

        driver.manage().window().setSize(Browser.PHONE);
        open("/whatif?lang=en");
        driver.findElement(By.cssSelector("#runs a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("report")));
        browser.screenshot("whatif-report-phone-en");
        browser.assertAccessible("whatif-report-phone-en");
    }

    @Test
    void anApplicantHasNoWhatIf() {
        signIn("applicant.a");
        open("/whatif?lang=en");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("403");
        assertThat(driver.findElements(By.id("start-form"))).isEmpty();
        assertThat(driver.findElements(By.linkText("What-if"))).isEmpty();
    }

    private void signIn(String username) {
        open("/login?lang=en");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(DemoLogins.PASSWORD);
        browser.clickAndWait("sign-in-submit");
    }

    private void open(String path) {
        driver.get(url(path));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
