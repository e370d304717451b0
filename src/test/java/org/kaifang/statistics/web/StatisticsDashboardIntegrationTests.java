package org.kaifang.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaifang.register.DemoRegisterState;
import org.kaifang.testing.Browser;
import org.kaifang.testing.DemoLogins;
import org.kaifang.testing.DemoRegisterContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboards in a real browser over the demo register: the headline computed from the data reads like the news,
 * the charts are drawn by ECharts beside their data tables, in English and Chinese and on a phone; the staff dashboard
 * after signing in as a case officer. axe-core checks and screenshots ({@code target/screenshots/statistics-*.png}).
 * Skips without Chromium unless {@code CI=true}. Shares its context with {@code DemoStatisticsIntegrationTests}.
 */
@DemoRegisterContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsDashboardIntegrationTests {

    private Browser browser;
    private WebDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    DemoRegisterState demoRegister;

    @BeforeAll
    void start() throws IOException, InterruptedException {
        // The demo register is recorded in the background once the server is up.
        assertThat(demoRegister.awaitLoaded(10, TimeUnit.MINUTES)).isTrue();
        browser = Browser.start();
        driver = browser.driver();
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void thePublicDashboardReadsLikeTheNewsWithChartsAndTables() throws IOException {
        driver.manage().window().setSize(Browser.DESKTOP);
        open("/statistics?lang=en&to=2025-02-28");

        assertThat(driver.findElement(By.id("headline")).getText())
                .startsWith("2,412 foreign-invested telecom enterprises, +30% year on year");
        assertThat(driver.findElement(By.id("synthetic-banner")).getText()).contains("synthetic demo data");
        var rows = driver.findElements(By.cssSelector("#table-enterprises tbody tr"));
        assertThat(rows.getLast().getText()).contains("2025-02-28", "2,412", "+30.0%");
        assertThat(driver.findElement(By.cssSelector("#table-enterprises")).getText())
                .contains("2024 2024-12-31 2,343");
        waitForChart("chart-enterprises");
        waitForChart("chart-licences");
        assertThat(driver.findElement(By.id("table-pilots")).getText()).contains("CN-PILOT-SH", "2025-02-26");
        browser.fullPageScreenshot("statistics-public-en");
        browser.assertAccessible("statistics-public-en");
        browser.assertEverythingLoadedFrom(port);

        driver.findElement(By.id("period")).sendKeys("Quarter");
        var old = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector("#range button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(Browser.pageChanged(old));
        assertThat(driver.findElement(By.id("table-enterprises")).getText()).contains("2024-Q3", "2,220");

        open("/statistics?lang=zh&to=2025-02-28");
        assertThat(driver.findElement(By.id("headline")).getText()).startsWith("外商投资电信企业 2,412 家，同比 +30%");
        waitForChart("chart-enterprises");
        browser.screenshot("statistics-public-zh");
        browser.assertAccessible("statistics-public-zh");

        driver.manage().window().setSize(Browser.PHONE);
        open("/statistics?lang=zh&to=2025-02-28");
        waitForChart("chart-enterprises");
        browser.screenshot("statistics-public-phone-zh");
        browser.assertAccessible("statistics-public-phone-zh");

        open("/statistics?lang=en&from=2025-02-30");
        assertThat(driver.findElement(By.id("problems")).getText()).contains("From");
        browser.assertAccessible("statistics-bad-range-en");
    }

    @Test
    void theStaffDashboardAfterSigningIn() throws IOException {
        driver.manage().window().setSize(Browser.DESKTOP);
        open("/login?lang=en");
        driver.findElement(By.id("username")).sendKeys("officer");
        driver.findElement(By.id("password")).sendKeys(DemoLogins.PASSWORD);
        var old = driver.findElement(By.tagName("html"));
        driver.findElement(By.id("sign-in-submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(Browser.pageChanged(old));

        open("/statistics/staff?lang=en");

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Statistics for the regulator");
        assertThat(driver.findElements(By.id("table-processing-times"))).hasSize(1);
        assertThat(driver.findElements(By.id("table-screening"))).hasSize(1);
        assertThat(driver.findElements(By.id("table-annual-reports"))).hasSize(1);
        browser.fullPageScreenshot("statistics-staff-en");
        browser.assertAccessible("statistics-staff-en");
    }

    private void waitForChart(String id) {
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.cssSelector("#" + id + " svg")).isEmpty());
        assertThat(driver.findElement(By.id(id)).isDisplayed()).isTrue();
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }
}
