package org.kaifang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.Browser;
import org.kaifang.testing.DemoLogins;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Signing in and out in a real browser, in English and Chinese: the form, its error summary, who is signed in in the
 * header, axe-core checks and screenshots at each step. Uses Debian's Chromium and ChromeDriver; skips without them
 * unless {@code CI=true}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DATABASE, DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
class SignInBrowserIntegrationTests {

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
    void anApplicantSignsInAfterAMistypedPasswordAndSignsOut() throws IOException {
        open("/?lang=en");
        driver.findElement(By.id("sign-in")).click();
        waitFor(ExpectedConditions.urlContains("/login"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
        browser.screenshot("sign-in-en");
        browser.assertAccessible("sign-in-en");
        browser.assertEverythingLoadedFrom(port);

        signIn("applicant.a", "a mistyped password");

        assertThat(driver.getCurrentUrl()).endsWith("/login?error");
        var summary = driver.findElement(By.id("error-summary"));
        assertThat(driver.switchTo().activeElement())
                .as("focus on the error summary")
                .isEqualTo(summary);
        assertThat(summary.getText()).contains("There is a problem", "The username or password is wrong");
        assertThat(driver.findElement(By.id("username")).getDomProperty("value"))
                .isEqualTo("applicant.a");
        assertThat(driver.findElement(By.id("password")).getDomProperty("value"))
                .isEmpty();
        assertThat(driver.findElement(By.id("username")).getDomAttribute("aria-describedby"))
                .isEqualTo("username-error");
        browser.screenshot("sign-in-error-en");
        browser.assertAccessible("sign-in-error-en");
        summary.findElement(By.cssSelector("a[href='#username']")).click();
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("username");

        driver.findElement(By.id("password")).sendKeys(DemoLogins.PASSWORD);
        submit();

        assertThat(driver.getCurrentUrl()).isEqualTo(url("/"));
        var account = driver.findElement(By.id("account"));
        assertThat(account.getText()).contains("Signed in as", "王芳 Wang Fang", "Lingang Cloud Data Co., Ltd. (demo)");
        assertThat(driver.findElements(By.id("sign-in"))).isEmpty();
        browser.screenshot("signed-in-home-en");
        browser.assertAccessible("signed-in-home-en");

        driver.manage().window().setSize(Browser.PHONE);
        assertNoHorizontalScroll();
        browser.screenshot("signed-in-home-en-phone");
        driver.manage().window().setSize(Browser.DESKTOP);

        driver.findElement(By.id("sign-out")).click();
        waitFor(ExpectedConditions.urlContains("/login?signed-out"));
        assertThat(driver.findElement(By.id("signed-out")).getText()).isEqualTo("You have signed out.");
        assertThat(driver.findElements(By.id("account"))).isEmpty();
        browser.screenshot("signed-out-en");
        browser.assertAccessible("signed-out-en");
    }

    @Test
    void anOfficerSignsInInChineseAndReturnsToThePageTheyAskedFor() throws IOException {
        open("/rules?lang=zh");
        open("/applications");
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("zh-CN");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("登录");
        browser.screenshot("sign-in-zh");
        browser.assertAccessible("sign-in-zh");

        signIn("officer", DemoLogins.PASSWORD);

        assertThat(driver.getCurrentUrl()).contains("/applications");
        open("/?lang=zh");
        assertThat(driver.findElement(By.id("account")).getText()).contains("当前用户", "张伟 Zhang Wei", "上海市通信管理局");
        browser.screenshot("signed-in-home-zh");
        browser.assertAccessible("signed-in-home-zh");
    }

    private void signIn(String username, String password) {
        var field = driver.findElement(By.id("username"));
        field.clear();
        field.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        submit();
    }

    private void submit() {
        var old = driver.findElement(By.tagName("html"));
        driver.findElement(By.id("sign-in-submit")).click();
        waitFor(Browser.pageChanged(old));
    }

    private void assertNoHorizontalScroll() {
        var widths = (List<?>) ((JavascriptExecutor) driver)
                .executeScript("return [document.documentElement.scrollWidth, window.innerWidth];");
        assertThat(((Number) widths.get(0)).longValue())
                .as("page width on a phone")
                .isLessThanOrEqualTo(((Number) widths.get(1)).longValue());
    }

    private void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition);
    }

    private void open(String path) {
        driver.get(url(path));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
