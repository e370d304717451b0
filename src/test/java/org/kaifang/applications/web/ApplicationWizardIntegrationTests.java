package org.kaifang.applications.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaifang.testing.Browser;
import org.kaifang.testing.DemoLogins;
import org.kaifang.testing.Http;
import org.kaifang.testing.SampleFiles;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The applicant's wizard in a real browser, without JavaScript doing anything the forms need: company (prefilled from
 * the organisation, re-shown with its errors), ownership, services, documents (uploads on the step), save and continue
 * later and resume at the first incomplete step, the review with the determination above the submit button, a refused
 * submission while documents are missing, then the submission; in English and Chinese. Screenshots
 * ({@code target/screenshots/wizard-*.png}) and axe-core at each step; skips without Chromium unless {@code CI=true}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DATABASE, DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
class ApplicationWizardIntegrationTests {

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
    void theApplicantCompletesTheWizardSeesTheDeterminationAndSubmits() throws Exception {
        driver.manage().window().setSize(Browser.DESKTOP);
        signIn("applicant.a");
        open("/applications?lang=en");
        browser.clickAndWait("start-wizard");

        // 1. Company, prefilled from the organisation; without a legal representative it is shown again.
        assertThat(driver.getCurrentUrl()).endsWith("/steps/company");
        assertThat(current()).isEqualTo("company");
        assertThat(value("uscc")).isEqualTo("91310115MA1K4LXQ26");
        assertThat(value("name")).isNotBlank();
        browser.assertAccessible("wizard-1-company");
        browser.fullPageScreenshot("wizard-1-company");
        type("seat", "310115");
        type("capital", "10000000");
        type("uscc", "91310115MA1K4LXQ27");
        browser.clickAndWait("wizard-next");

        assertThat(driver.findElement(By.id("error-summary")).getText())
                .contains("legal representative")
                .contains("Unified Social Credit Code");
        assertThat(driver.findElement(By.id("uscc-error")).getText()).contains("check");
        assertThat(current()).isEqualTo("company");
        browser.assertAccessible("wizard-2-company-errors");
        browser.fullPageScreenshot("wizard-2-company-errors");

        type("uscc", "91310115MA1K4LXQ26");
        type("legalRepresentative", "王芳");
        type("address", "1 Century Avenue, Pudong New Area, Shanghai");
        browser.clickAndWait("wizard-next");

        // 2. Ownership: a figure; the computed share is shown once saved.
        assertThat(current()).isEqualTo("ownership");
        assertThat(driver.findElement(By.id("saved")).getText()).contains("Company");
        type("equity", "49");
        browser.clickAndWait("wizard-later");
        assertThat(driver.getCurrentUrl()).contains("/applications?saved=");
        var resume = driver.findElement(By.cssSelector("a.resume"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", resume);
        var old = driver.findElement(By.tagName("html"));
        resume.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(Browser.pageChanged(old));
        // Reopened, the draft resumes at its first incomplete step: services.
        assertThat(current()).isEqualTo("services");
        browser.clickAndWait("wizard-back");
        assertThat(driver.findElement(By.id("foreign-share")).getText()).contains("49%");
        browser.assertAccessible("wizard-3-ownership");
        browser.fullPageScreenshot("wizard-3-ownership");
        browser.clickAndWait("wizard-next");

        // 3. Services.
        assertThat(current()).isEqualTo("services");
        check("type-NEW_LICENCE");
        check("service-B11-IDC");
        type("facilities", "310115");
        browser.assertAccessible("wizard-4-services");
        browser.fullPageScreenshot("wizard-4-services");
        browser.clickAndWait("wizard-next");

        // 4. Documents: the rule pack's checklist, an upload returns to the step.
        assertThat(current()).isEqualTo("documents");
        assertThat(driver.findElement(By.id("documents-missing")).getText()).contains("12 required documents");
        var pdf = files.resolve("Articles of association.pdf");
        Files.write(pdf, SampleFiles.pdf());
        new Select(driver.findElement(By.id("document-kind"))).selectByValue("ARTICLES");
        driver.findElement(By.id("document-file")).sendKeys(pdf.toString());
        browser.clickAndWait("do-upload");
        assertThat(current()).isEqualTo("documents");
        assertThat(driver.findElement(By.id("document-uploaded")).getText()).contains("Articles of association");
        assertThat(driver.findElement(By.id("documents-missing")).getText()).contains("11 required documents");
        browser.assertAccessible("wizard-5-documents");
        browser.fullPageScreenshot("wizard-5-documents");
        browser.clickAndWait("wizard-next");

        // 5. Review: the summary and the determination as of today, above the submit button.
        assertThat(current()).isEqualTo("review");
        var determination = driver.findElement(By.id("determination"));
        assertThat(determination.getDomAttribute("data-overall")).isIn("PERMITTED", "REFER", "NOT_PERMITTED");
        assertThat(driver.findElement(By.id("determination-findings")).getText())
                .isNotBlank();
        assertThat(driver.findElements(By.cssSelector("#determination-findings .citation")))
                .isNotEmpty();
        assertThat(driver.findElement(By.id("summary-share")).getText()).isEqualTo("49%");
        assertThat(precedes(determination, driver.findElement(By.id("wizard-submit"))))
                .isTrue();
        assertThat(driver.findElement(By.id("submit-blocked")).getText()).contains("Complete these first");
        browser.assertAccessible("wizard-6-review");
        browser.fullPageScreenshot("wizard-6-review");

        // Submitting with documents missing is refused, saying what is missing.
        browser.clickAndWait("wizard-submit");
        assertThat(driver.findElement(By.id("error-summary")).getText()).contains("Required documents are missing");
        browser.assertAccessible("wizard-7-refused");
        browser.fullPageScreenshot("wizard-7-refused");

        // The other documents arrive (through the API, to keep the test short); now it is submitted.
        var id = driver.getCurrentUrl().replaceAll(".*/applications/([^/]+)/steps.*", "$1");
        uploadMissing(id);
        open("/applications/" + id + "/steps/review?lang=zh");
        assertThat(driver.findElements(By.id("submit-blocked"))).isEmpty();
        browser.assertAccessible("wizard-8-review-zh");
        browser.fullPageScreenshot("wizard-8-review-zh");
        browser.clickAndWait("wizard-submit");

        assertThat(driver.getCurrentUrl()).contains("/applications/" + id);
        assertThat(driver.findElement(By.id("status")).getDomAttribute("data-status"))
                .isEqualTo("SUBMITTED");
        browser.assertAccessible("wizard-9-submitted");
        browser.fullPageScreenshot("wizard-9-submitted");
    }

    @Test
    void theStepsWorkInChineseOnAPhone() throws Exception {
        driver.manage().window().setSize(Browser.PHONE);
        signIn("applicant.b");
        open("/applications?lang=zh");
        browser.clickAndWait("start-wizard");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("公司");
        browser.clickAndWait("wizard-next");
        assertThat(driver.findElement(By.id("error-summary")).getText()).contains("法定代表人");
        browser.assertAccessible("wizard-zh-company-errors");
        browser.fullPageScreenshot("wizard-zh-company-errors");
    }

    private String current() {
        return driver.findElement(By.cssSelector("#wizard-steps a[aria-current='step']"))
                .findElement(By.xpath(".."))
                .getDomAttribute("data-step");
    }

    private boolean precedes(WebElement first, WebElement second) {
        var position = ((JavascriptExecutor) driver)
                .executeScript("return arguments[0].compareDocumentPosition(arguments[1]);", first, second);
        return (((Number) position).intValue() & 4) != 0;
    }

    private String value(String id) {
        return driver.findElement(By.id(id)).getDomProperty("value");
    }

    private void type(String id, String text) {
        var field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private void check(String id) {
        var box = driver.findElement(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", box);
        if (!box.isSelected()) {
            box.click();
        }
    }

    private void uploadMissing(String id) throws Exception {
        var token = Base64.getEncoder()
                .encodeToString(("applicant.a:" + DemoLogins.PASSWORD).getBytes(StandardCharsets.UTF_8));
        var client = HttpClient.newHttpClient();
        var progress = Http.json(client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/applications/" + id + "/steps"))
                        .header("Authorization", "Basic " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
        var missing = new ArrayList<String>();
        progress.get("missingDocuments").forEach(k -> missing.add(k.asString()));
        for (var kind : missing) {
            var boundary = "----kaifang" + UUID.randomUUID();
            var body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind
                            + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + kind + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(SampleFiles.pdf());
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            var response = client.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://localhost:" + port + "/api/v1/applications/" + id + "/documents"))
                            .header("Authorization", "Basic " + token)
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
    }

    private void signIn(String username) {
        open("/login?lang=en");
        // Each test signs in afresh: whoever signed in before is forgotten.
        driver.manage().deleteAllCookies();
        open("/login?lang=en");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(DemoLogins.PASSWORD);
        browser.clickAndWait("sign-in-submit");
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }
}
