package org.kaifang.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kaifang.accounts.Accounts;
import org.kaifang.applications.Actor;
import org.kaifang.applications.ApplicationType;
import org.kaifang.applications.Applications;
import org.kaifang.testing.Actors;
import org.kaifang.testing.Browser;
import org.kaifang.testing.DemoLogins;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The inbox in a real browser: the header shows the unread count, the inbox lists the newest first with the unread
 * ones marked, a message is marked read with a form post; axe-core on the page in both languages, and screenshots.
 * Skips without Chromium unless {@code CI=true}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:inbox;DB_CLOSE_DELAY=-1",
            DemoLogins.DEMO,
            DemoLogins.FIXED_PASSWORD,
            "kaifang.notifications.schedule=false"
        })
class InboxBrowserIntegrationTests {

    /** Within the built-in calendar's years, whatever the day the test runs. */
    @TestConfiguration
    static class FixedDay {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2025-06-10T02:00:00Z"), ZoneOffset.UTC);
        }
    }

    static final String REQUEST = """
            {"asOf":"2025-06-01",
             "applicant":{"name":"Lingang Cloud Data Co., Ltd.","seat":"310115","registeredCapitalCny":10000000},
             "foreignEquityPercent":100,
             "services":[{"code":"B11","item":"IDC","coverage":["CN"],"facilities":["310115"]}]}
            """;

    private static Browser browser;
    private static WebDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    Applications applications;

    @Autowired
    Accounts accounts;

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

    Actor actor(String username) {
        return Actors.of(accounts, username);
    }

    @Test
    void theApplicantReadsWhatTheRegulatorDidAndMarksItRead() throws IOException {
        var app = applications.create(
                actor("applicant.a"), ApplicationType.NEW_LICENCE, "Lingang Cloud Data Co., Ltd.", REQUEST, null);
        app = applications.submit(actor("applicant.a"), app.id(), app.version());
        app = applications.requestCorrection(
                actor("officer"), app.id(), app.version(), "The lease of the IDC site in Lin-gang is missing");
        app = applications.resubmit(actor("applicant.a"), app.id(), app.version());
        app = applications.accept(actor("officer"), app.id(), app.version());
        driver.manage().window().setSize(Browser.DESKTOP);

        signIn("applicant.a");
        assertThat(driver.findElement(By.id("unread-count")).getText()).isEqualTo("2");
        assertThat(driver.findElement(By.id("inbox-link"))
                        .getDomProperty("textContent")
                        .replaceAll("\\s+", " "))
                .as("the link's accessible name")
                .isEqualTo("Inbox 2 unread");
        browser.clickAndWait("inbox-link");

        var messages = driver.findElements(By.cssSelector("#messages > li"));
        assertThat(messages).hasSize(2);
        assertThat(messages.getFirst().getDomAttribute("data-topic")).isEqualTo("ACCEPTED");
        assertThat(messages.get(1).getDomAttribute("data-topic")).isEqualTo("CORRECTION_REQUESTED");
        assertThat(messages.get(1).getText()).contains("The lease of the IDC site in Lin-gang is missing");
        assertThat(messages)
                .allSatisfy(m -> assertThat(m.getDomAttribute("data-unread")).isEqualTo("true"));
        assertThat(driver.findElement(By.id("summary")).getText()).isEqualTo("2 messages, 2 unread, newest first.");
        browser.screenshot("inbox-1-unread");
        browser.assertAccessible("inbox-1-unread");

        var first = messages.getFirst().getDomAttribute("id").substring("message-".length());
        browser.clickAndWait("read-" + first);
        assertThat(driver.findElement(By.id("done")).getText()).contains("marked as read");
        assertThat(driver.findElement(By.id("message-" + first)).getDomAttribute("data-unread"))
                .isEqualTo("false");
        assertThat(driver.findElement(By.id("unread-count")).getText()).isEqualTo("1");
        browser.screenshot("inbox-2-one-read");
        browser.assertAccessible("inbox-2-one-read");

        open("/inbox?lang=zh");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("消息");
        assertThat(driver.findElement(By.cssSelector("#messages > li[data-unread=true] h2"))
                        .getText())
                .contains("您的申请需要补正");
        browser.screenshot("inbox-3-zh");
        browser.assertAccessible("inbox-3-zh");

        browser.clickAndWait("mark-all-read");
        assertThat(driver.findElements(By.id("unread-count"))).isEmpty();
        driver.findElement(By.cssSelector("#messages > li h2 a")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/applications/"));
        assertThat(driver.getCurrentUrl()).contains("/applications/" + app.id());
        driver.manage().window().setSize(Browser.PHONE);
        open("/inbox?lang=en");
        browser.screenshot("inbox-4-phone");
        browser.assertAccessible("inbox-4-phone");
        driver.manage().window().setSize(Browser.DESKTOP);
    }

    private void signIn(String username) {
        open("/login?lang=en");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(DemoLogins.PASSWORD);
        browser.clickAndWait("sign-in-submit");
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }
}
