package org.kaifang.screening.web;

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
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The screening review round trip in a real browser: an officer screens names, dismisses one hit with a reason and
 * confirms another, sees the dismissal remembered when the same name is screened again, and works the queue; an
 * applicant is refused. axe-core checks and screenshots at each step. Skips without Chromium unless {@code CI=true}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DATABASE, DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
class ScreeningReviewBrowserIntegrationTests {

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
    void anOfficerDismissesAndConfirmsHitsAndTheDismissalIsRemembered() throws IOException {
        signIn("officer");
        open("/screening?lang=en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Restricted-party screening");
        browser.assertAccessible("screening-en");
        browser.assertEverythingLoadedFrom(port);

        // Nothing entered: the form comes back with the problem at the field.
        submit("screen");
        assertThat(driver.findElement(By.id("error-summary")).getText()).contains("Enter at least one name");
        assertThat(driver.findElement(By.id("names-error")).isDisplayed()).isTrue();
        browser.screenshot("screening-error-en");
        browser.assertAccessible("screening-error-en");

        screen("Planate Management Group\nExovera\nHarbour Cloud (Shanghai) Co., Ltd.", "2025-06-01");
        var results = driver.findElements(By.cssSelector("#results section.service"));
        assertThat(results).hasSize(3);
        assertThat(results.get(0).getDomAttribute("data-outcome")).isEqualTo("MATCH");
        assertThat(results.get(2).getDomAttribute("data-outcome")).isEqualTo("CLEAR");
        assertThat(results.get(0).getText()).contains("Planate Management Group", "Unreliable Entity List", "active");
        browser.fullPageScreenshot("screening-results-en");
        browser.assertAccessible("screening-results-en");

        // Dismiss the first hit: the reason is required, then the decision is recorded.
        results.get(0).findElement(By.cssSelector("[data-review=OPEN] a")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("alert-status")));
        assertThat(driver.findElement(By.id("alert-status")).getDomAttribute("data-status"))
                .isEqualTo("OPEN");
        driver.findElement(By.id("decision-DISMISSED")).click();
        submit("decide");
        assertThat(driver.findElement(By.id("error-summary")).getText()).contains("Enter the reason");
        assertThat(driver.findElement(By.id("decision-DISMISSED")).isSelected()).isTrue();
        browser.screenshot("screening-alert-error-en");
        browser.assertAccessible("screening-alert-error-en");
        driver.findElement(By.id("reason")).sendKeys("Different firm: a Hong Kong consultancy, registration 1234567");
        submit("decide");
        assertThat(driver.findElement(By.id("saved")).getText()).contains("dismissed and recorded");
        assertThat(driver.findElement(By.id("alert-status")).getDomAttribute("data-status"))
                .isEqualTo("DISMISSED");
        assertThat(driver.findElements(By.cssSelector("#history li")))
                .extracting(li -> li.getDomAttribute("data-action"))
                .containsExactly("RAISED", "DISMISSED");
        assertThat(driver.findElements(By.id("decide"))).isEmpty();
        browser.screenshot("screening-alert-dismissed-en");
        browser.assertAccessible("screening-alert-dismissed-en");

        // The same name, written differently, shows the dismissal instead of a new alert.
        open("/screening");
        screen("PLANATE MANAGEMENT GROUP.", "2025-06-01");
        var remembered = driver.findElement(By.cssSelector("#results [data-review]"));
        assertThat(remembered.getDomAttribute("data-review")).isEqualTo("DISMISSED");
        assertThat(remembered.getText())
                .contains("Dismissed earlier", "officer", "Different firm: a Hong Kong consultancy");
        browser.screenshot("screening-remembered-en");

        // Confirm the other hit from the queue.
        open("/screening/reviews");
        var queue = driver.findElement(By.id("queue"));
        assertThat(queue.getText()).contains("Exovera").doesNotContain("Planate");
        browser.screenshot("screening-queue-en");
        browser.assertAccessible("screening-queue-en");
        queue.findElement(By.linkText("Exovera")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("decide")));
        driver.findElement(By.id("decision-CONFIRMED")).click();
        driver.findElement(By.id("reason")).sendKeys("Same entity: the US address and officers match the listing");
        submit("decide");
        assertThat(driver.findElement(By.id("alert-status")).getDomAttribute("data-status"))
                .isEqualTo("CONFIRMED");

        open("/screening/reviews?status=CONFIRMED");
        assertThat(driver.findElement(By.id("queue")).getText()).contains("Exovera");
        open("/screening/reviews?status=OPEN");
        assertThat(driver.findElements(By.linkText("Exovera"))).isEmpty();

        open("/screening/reviews?status=DISMISSED&lang=zh");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("筛查审查队列");
        assertThat(driver.findElement(By.id("queue")).getText()).contains("Planate Management Group");
        browser.screenshot("screening-queue-dismissed-zh");
        browser.assertAccessible("screening-queue-dismissed-zh");
    }

    @Test
    void anApplicantMayNotScreenOrReview() {
        signIn("applicant.a");

        open("/screening?lang=en");

        assertThat(driver.findElement(By.tagName("body")).getText()).contains("403");
        assertThat(driver.findElements(By.id("names"))).isEmpty();
    }

    @Test
    void theListBrowserShowsEachListingWithItsStatusOverTime() throws IOException {
        open("/screening/lists?asOf=2025-06-01&lang=en");

        var april = driver.findElement(By.cssSelector("section[data-status=SUSPENDED]"));
        assertThat(april.getText()).contains("measures suspended", "2025-05-14", "BRINC Drones");
        browser.fullPageScreenshot("screening-lists-en");
        browser.assertAccessible("screening-lists-en");
    }

    private void signIn(String username) {
        open("/login?lang=en");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(DemoLogins.PASSWORD);
        submit("sign-in-submit");
    }

    private void screen(String names, String asOf) {
        var field = driver.findElement(By.id("names"));
        field.clear();
        field.sendKeys(names);
        var date = driver.findElement(By.id("asOf"));
        // A date input takes keyboard entry in the browser's locale; setting the value is locale-free.
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].value = arguments[1]", date, asOf);
        submit("screen");
    }

    private void submit(String button) {
        var old = driver.findElement(By.tagName("html"));
        driver.findElement(By.id(button)).click();
        waitFor(Browser.pageChanged(old));
    }

    private void waitFor(ExpectedCondition<?> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition);
    }

    private void open(String path) {
        driver.get(url(path));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
