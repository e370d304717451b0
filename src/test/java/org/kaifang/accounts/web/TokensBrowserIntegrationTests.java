package org.kaifang.accounts.web;

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
 * The API tokens page in a real browser under the Content Security Policy: a mistake re-shows the form with its
 * problems, a token is issued and its secret shown once, then revoked; axe-core in both languages and on a phone.
 * Skips without Chromium unless {@code CI=true}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DATABASE, DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
class TokensBrowserIntegrationTests {

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
    void anApplicantIssuesSeesOnceAndRevokesAToken() throws IOException {
        driver.manage().window().setSize(Browser.DESKTOP);
        open("/login?lang=en");
        driver.findElement(By.id("username")).sendKeys("applicant.b");
        driver.findElement(By.id("password")).sendKeys(DemoLogins.PASSWORD);
        browser.clickAndWait("sign-in-submit");
        open("/account/tokens");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("API tokens");
        browser.assertAccessible("tokens-1-empty");

        driver.findElement(By.id("days")).clear();
        driver.findElement(By.id("days")).sendKeys("400");
        browser.clickAndWait("issue");
        assertThat(driver.findElement(By.id("error-summary")).getText())
                .contains("Token name must not be blank")
                .contains("A token needs at least one role")
                .contains("not 400");
        browser.screenshot("tokens-2-problems");
        browser.assertAccessible("tokens-2-problems");

        driver.findElement(By.id("name")).sendKeys("law firm case system");
        driver.findElement(By.id("role-APPLICANT")).click();
        driver.findElement(By.id("days")).clear();
        driver.findElement(By.id("days")).sendKeys("30");
        browser.clickAndWait("issue");
        var secret = driver.findElement(By.id("secret")).getDomProperty("value");
        assertThat(secret).matches("kf_[A-Za-z0-9_-]{43}");
        var row = driver.findElement(By.cssSelector("#tokens tbody tr"));
        assertThat(row.getDomAttribute("data-status")).isEqualTo("active");
        assertThat(row.getText()).contains("law firm case system", "APPLICANT");
        browser.screenshot("tokens-3-issued");
        browser.assertAccessible("tokens-3-issued");

        open("/account/tokens");
        assertThat(driver.getPageSource()).doesNotContain(secret);
        var id = driver.findElement(By.cssSelector("#tokens tbody tr"))
                .getDomAttribute("id")
                .substring("token-".length());
        browser.clickAndWait("revoke-" + id);
        assertThat(driver.findElement(By.id("done")).getText()).contains("revoked");
        assertThat(driver.findElement(By.id("token-" + id)).getDomAttribute("data-status"))
                .isEqualTo("revoked");
        browser.assertAccessible("tokens-4-revoked");

        open("/account/tokens?lang=zh");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("API 令牌");
        browser.assertAccessible("tokens-5-zh");
        driver.manage().window().setSize(Browser.PHONE);
        browser.screenshot("tokens-6-phone");
        browser.assertAccessible("tokens-6-phone");
        driver.manage().window().setSize(Browser.DESKTOP);
        browser.assertEverythingLoadedFrom(port);
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }
}
