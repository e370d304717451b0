package org.kaifang.register.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaifang.licensing.LicenceChange;
import org.kaifang.register.LicenceViews;
import org.kaifang.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public register in a real browser, without signing in: search, narrow by a facet, open a licence, verify it;
 * a revoked licence verifies as revoked; synthetic rows are labelled. axe-core checks and screenshots in both
 * languages and on a phone. Skips without Chromium unless {@code CI=true}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:register-browser;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterPagesBrowserIntegrationTests {

    private Browser browser;
    private WebDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @BeforeAll
    void start() throws IOException {
        browser = Browser.start();
        driver = browser.driver();
        var fie = LicenceViews.licence(
                "BR-1", "合字B2-20250145", "上海示例信息技术有限公司", "Example IT (Shanghai) Co., Ltd.", "91310000MA1FL0AB1X");
        var other = LicenceViews.licence("BR-2", "沪B2-20190001", "上海另一示例网络有限公司", null, "91310115MA1HXXXX2Y");
        var pilot = LicenceViews.pilot(
                LicenceViews.licence("BR-3", "x", "海南试点演示科技有限公司", "Hainan Pilot Demo Tech", null), "CN-PILOT-HI");
        transaction.executeWithoutResult(s -> {
            events.publishEvent(LicenceViews.issued(fie));
            events.publishEvent(LicenceViews.issued(other));
            events.publishEvent(LicenceViews.changed(
                    LicenceViews.revoked(other, LocalDate.parse("2025-05-05")),
                    LicenceChange.REVOKED,
                    LicenceViews.AT.plusSeconds(60)));
            events.publishEvent(LicenceViews.issued(pilot));
        });
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void searchOpenAndVerifyALicenceWithoutSigningIn() throws IOException {
        driver.manage().window().setSize(Browser.DESKTOP);
        open("/register?lang=en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Public register of licences");
        assertThat(driver.findElement(By.id("synthetic-banner")).getText()).contains("synthetic demo data");
        browser.fullPageScreenshot("register-search-en");
        browser.assertAccessible("register-search-en");
        browser.assertEverythingLoadedFrom(port);

        driver.findElement(By.id("q")).sendKeys("示例");
        click(By.id("search-submit"));
        assertThat(driver.findElement(By.id("results")).getDomAttribute("data-total"))
                .isEqualTo("2");
        click(By.cssSelector("ul[data-facet=status] li[data-value=REVOKED] a"));
        assertThat(driver.findElements(By.cssSelector("#results tbody tr"))).hasSize(1);
        browser.screenshot("register-narrowed-en");
        browser.assertAccessible("register-narrowed-en");

        click(By.linkText("沪B2-20190001"));
        assertThat(driver.findElement(By.id("status")).getDomAttribute("data-status"))
                .isEqualTo("REVOKED");
        assertThat(driver.findElement(By.id("history")).getText()).contains("Issued", "Revoked");
        browser.fullPageScreenshot("register-licence-en");
        browser.assertAccessible("register-licence-en");

        click(By.linkText("Verify"));
        var verification = driver.findElement(By.id("verification"));
        assertThat(verification.getDomAttribute("data-in-force")).isEqualTo("false");
        assertThat(verification.getText()).contains("NOT in force: revoked");
        browser.screenshot("register-verify-revoked-en");
        browser.assertAccessible("register-verify-revoked-en");

        open("/register/verify/BR-1?lang=zh");
        assertThat(driver.findElement(By.id("verification")).getText()).contains("该许可证有效");
        browser.screenshot("register-verify-zh");
        browser.assertAccessible("register-verify-zh");

        open("/register/licences/BR-3?lang=zh");
        assertThat(driver.findElement(By.id("synthetic-banner")).getText()).contains("合成演示数据");
        browser.fullPageScreenshot("register-pilot-zh");
        browser.assertAccessible("register-pilot-zh");

        driver.manage().window().setSize(Browser.PHONE);
        open("/register?lang=zh");
        browser.screenshot("register-search-phone-zh");
        browser.assertAccessible("register-search-phone-zh");
        open("/register/bad-list?lang=en");
        browser.assertAccessible("register-bad-list-en");
        open("/register/bulk?lang=en");
        browser.assertAccessible("register-bulk-en");
    }

    private void click(By by) {
        var old = driver.findElement(By.tagName("html"));
        driver.findElement(by).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(Browser.pageChanged(old));
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }
}
