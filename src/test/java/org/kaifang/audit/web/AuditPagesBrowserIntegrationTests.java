package org.kaifang.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.Browser;
import org.kaifang.testing.DemoLogins;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The audit page in a real browser, signed in as the demo administrator: signing in and out, and a failed attempt,
 * appear in the trail; the chain is shown verified with its head hash; the subject filter narrows the list; axe-core
 * checks and screenshots in both languages. Everyone but an administrator is refused. The browser part skips without
 * Chromium unless {@code CI=true}; the refusals are checked over plain HTTP.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DATABASE, DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
class AuditPagesBrowserIntegrationTests {

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

    @BeforeEach
    void freshSession() {
        driver.manage().window().setSize(Browser.DESKTOP);
        driver.get(url("/"));
        driver.manage().deleteAllCookies();
    }

    @Test
    void theAdministratorSeesSignInsInAVerifiedChainAndFiltersBySubject() throws IOException {
        signIn("registrar", DemoLogins.PASSWORD);
        browser.clickAndWait("sign-out");
        signIn("admin", "not the password at all");
        signIn("admin", DemoLogins.PASSWORD);

        driver.findElement(By.linkText("Audit trail")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("verification")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Audit trail");
        var verification = driver.findElement(By.id("verification"));
        assertThat(verification.getDomAttribute("data-intact")).isEqualTo("true");
        assertThat(verification.getText()).contains("The chain is intact.");
        assertThat(driver.findElement(By.id("head-hash")).getText()).matches("[0-9a-f]{64}");
        assertThat(driver.findElement(By.id("records")).getText()).contains("SIGNED_IN", "admin");
        browser.fullPageScreenshot("audit-en");
        browser.assertAccessible("audit-en");
        browser.assertEverythingLoadedFrom(port);

        var subject = driver.findElement(By.id("subject"));
        subject.clear();
        subject.sendKeys("registrar");
        browser.clickAndWait("filter");
        var actions = driver.findElements(By.cssSelector("#records tbody tr")).stream()
                .map(tr -> tr.getDomAttribute("data-action"))
                .toList();
        assertThat(actions).startsWith("SIGNED_OUT", "SIGNED_IN");
        assertThat(driver.findElement(By.id("records")).getText()).doesNotContain("admin");
        browser.screenshot("audit-filtered-en");
        browser.assertAccessible("audit-filtered-en");

        open("/admin/audit?subject=admin&lang=zh");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("审计日志");
        assertThat(driver.findElement(By.id("verification")).getText()).contains("链条完整");
        var adminActions = driver.findElements(By.cssSelector("#records tbody tr")).stream()
                .map(tr -> tr.getDomAttribute("data-action"))
                .toList();
        assertThat(adminActions).startsWith("SIGNED_IN", "SIGN_IN_FAILED");
        browser.fullPageScreenshot("audit-zh");
        browser.assertAccessible("audit-zh");

        driver.manage().window().setSize(Browser.PHONE);
        open("/admin/audit?lang=en");
        browser.screenshot("audit-phone-en");
        browser.assertAccessible("audit-phone-en");
    }

    @Test
    void anApplicantSeesNoAuditTrail() {
        signIn("applicant.a", DemoLogins.PASSWORD);

        open("/admin/audit?lang=en");

        assertThat(driver.findElement(By.tagName("body")).getText()).contains("403");
        assertThat(driver.findElements(By.id("records"))).isEmpty();
        assertThat(driver.findElements(By.linkText("Audit trail"))).isEmpty();
    }

    private void signIn(String username, String password) {
        open("/login?lang=en");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        browser.clickAndWait("sign-in-submit");
    }

    private void open(String path) {
        driver.get(url(path));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
