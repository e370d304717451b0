package org.kaifang.applications.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaifang.testing.Browser;
import org.kaifang.testing.DemoLogins;
import org.kaifang.testing.Http;
import org.kaifang.testing.SampleFiles;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case page's documents section in a real browser: the applicant sees what is missing, uploads a PDF through the
 * form (multipart with its CSRF token), and is told plainly when a file is not what its name says. Screenshots and
 * axe-core at each step; skips without Chromium unless {@code CI=true}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DATABASE, DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
class DocumentsBrowserIntegrationTests {

    private static Browser browser;
    private static WebDriver driver;

    @LocalServerPort
    int port;

    @TempDir
    Path files;

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
    void theApplicantUploadsADocumentOnTheCasePage() throws Exception {
        driver.manage().window().setSize(Browser.DESKTOP);
        var id = draft();
        signIn("applicant.a");

        open("/applications/" + id + "?lang=en");
        assertThat(row("ARTICLES").getDomAttribute("data-present")).isEqualTo("false");
        assertThat(driver.findElement(By.id("documents-missing")).getText()).contains("12 required documents");
        browser.assertAccessible("documents-1-missing");

        var pdf = files.resolve("Articles of association.pdf");
        Files.write(pdf, SampleFiles.pdf());
        new Select(driver.findElement(By.id("document-kind"))).selectByValue("ARTICLES");
        driver.findElement(By.id("document-file")).sendKeys(pdf.toString());
        browser.clickAndWait("do-upload");

        assertThat(driver.findElement(By.id("document-uploaded")).getText()).contains("Articles of association");
        assertThat(row("ARTICLES").getDomAttribute("data-present")).isEqualTo("true");
        assertThat(row("ARTICLES").getText()).contains("Version 1: Articles of association.pdf");
        assertThat(driver.findElement(By.id("documents-missing")).getText()).contains("11 required documents");
        browser.elementScreenshot(driver.findElement(By.id("documents")), "documents-2-uploaded");
        browser.assertAccessible("documents-2-uploaded");

        var html = files.resolve("licence.pdf");
        Files.write(html, SampleFiles.html());
        new Select(driver.findElement(By.id("document-kind"))).selectByValue("BUSINESS_LICENCE");
        driver.findElement(By.id("document-file")).sendKeys(html.toString());
        browser.clickAndWait("do-upload");

        assertThat(driver.findElement(By.id("document-error")).getText()).contains("not a PDF, PNG or JPEG");
        assertThat(row("BUSINESS_LICENCE").getDomAttribute("data-present")).isEqualTo("false");
        browser.screenshot("documents-3-refused");
        browser.assertAccessible("documents-3-refused");
    }

    private org.openqa.selenium.WebElement row(String kind) {
        return driver.findElement(By.cssSelector("#documents-list tr[data-kind='" + kind + "']"));
    }

    /** A draft of applicant.a's company, created through the API. */
    private String draft() throws Exception {
        var token = Base64.getEncoder()
                .encodeToString(("applicant.a:" + DemoLogins.PASSWORD).getBytes(StandardCharsets.UTF_8));
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/applications"))
                                .header("Authorization", "Basic " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        """
                                        {"type":"NEW_LICENCE","applicantName":"Lingang Cloud Data Co., Ltd.","request":%s}
                                        """.formatted(ApplicationsApiIntegrationTests.REQUEST)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response).get("id").asString();
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
