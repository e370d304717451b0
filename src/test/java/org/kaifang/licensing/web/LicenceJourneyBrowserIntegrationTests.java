package org.kaifang.licensing.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.Browser;
import org.kaifang.testing.DemoLogins;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 6's journey in a real browser, with screenshots and axe-core on every page: the applicant checks eligibility and
 * submits; the officer accepts and recommends approval; the approver, a second person, approves; the licence is issued
 * on that approval; the applicant finds it under {@code /licences}; its certificate PDF is downloaded from the public
 * register page by the browser and its QR code decoded; the browser opens the QR target, which says the licence is in
 * force; a registrar revokes it through the page form (reason, legal basis, date); the same verification address then
 * says it is revoked, with the reason. Skips without Chromium unless {@code CI=true}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DATABASE, DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
class LicenceJourneyBrowserIntegrationTests {

    /**
     * The journey happens on 10 June 2025, so that its statutory periods lie within the built-in calendar's years
     * whatever the date the test runs on; the licence is issued, verified and revoked on that day.
     */
    @org.springframework.boot.test.context.TestConfiguration
    static class FixedDay {
        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        java.time.Clock fixedClock() {
            return java.time.Clock.fixed(java.time.Instant.parse("2025-06-10T02:00:00Z"), java.time.ZoneOffset.UTC);
        }
    }

    private static final Path SCREENSHOTS = Path.of("target/screenshots");

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
    void anApprovedApplicationBecomesALicenceWhoseCertificateVerifiesUntilItIsRevoked() throws Exception {
        driver.manage().window().setSize(Browser.DESKTOP);

        // 1. The applicant checks eligibility, starts an application from the determination and submits it.
        signIn("applicant.a");
        open("/check?lang=en");
        browser.setValue(driver.findElement(By.id("asOf")), "2025-06-01");
        browser.type("name", "Lingang Licence Journey Co., Ltd.");
        browser.type("seat", "310115");
        browser.type("capital", "10000000");
        browser.type("equity", "100");
        browser.type("facilities", "310115");
        browser.tick("zone-CN-SH-LINGANG");
        browser.tick("service-B11-IDC");
        browser.tick("coverage-CN");
        browser.clickAndWait("check-submit");
        assertThat(driver.findElement(By.id("overall")).getDomAttribute("data-outcome"))
                .isEqualTo("PERMITTED");
        browser.clickAndWait("start-application");
        var caseUrl = path(driver.getCurrentUrl());
        browser.clickAndWait("do-submit");
        assertThat(status()).isEqualTo("SUBMITTED");
        browser.screenshot("licence-journey-01-submitted");
        browser.assertAccessible("licence-journey-01-submitted");
        signOut();

        // 2. The officer accepts, reviews and recommends approval.
        signIn("officer");
        open(caseUrl);
        browser.clickAndWait("do-accept");
        browser.clickAndWait("do-start-review");
        driver.findElement(By.id("recommend-APPROVE")).click();
        driver.findElement(By.id("recommend-reason")).sendKeys("Meets Order 42 art. 6 and the pilot conditions");
        browser.clickAndWait("do-recommend");
        assertThat(status()).isEqualTo("RECOMMENDED");
        browser.screenshot("licence-journey-02-recommended");
        browser.assertAccessible("licence-journey-02-recommended");
        signOut();

        // 3. A second person, the approver, approves: the licence is issued in the same transaction.
        signIn("approver");
        open(caseUrl);
        driver.findElement(By.id("decide-APPROVE")).click();
        driver.findElement(By.id("decide-reason")).sendKeys("Approved as recommended");
        browser.clickAndWait("do-decide");
        assertThat(status()).isEqualTo("APPROVED");
        browser.screenshot("licence-journey-03-approved");
        browser.assertAccessible("licence-journey-03-approved");
        signOut();

        // 4. The applicant finds its new licence under /licences: MIIT's foreign-invested number, 合字B1-2025NNNN.
        signIn("applicant.a");
        open("/licences?lang=en");
        var row =
                driver.findElement(By.xpath("//table[@id='licences']//tr[td[contains(., 'Lingang Licence Journey')]]"));
        assertThat(row.getDomAttribute("data-status")).isEqualTo("NORMAL");
        var link = row.findElement(By.tagName("a"));
        var number = link.getText();
        assertThat(number).matches("合字B1-2025\\d{4}");
        browser.screenshot("licence-journey-04-my-licences");
        browser.assertAccessible("licence-journey-04-my-licences");
        browser.clickAndWait(link);
        var id = driver.getCurrentUrl().replaceAll(".*/licences/([^/?#]+).*", "$1");
        assertThat(driver.findElement(By.id("licence")).getDomAttribute("data-status"))
                .isEqualTo("NORMAL");
        assertThat(driver.findElements(By.cssSelector("#history tbody tr")))
                .extracting(tr -> tr.getDomAttribute("data-change"))
                .containsExactly("ISSUED");
        browser.fullPageScreenshot("licence-journey-05-licence");
        browser.assertAccessible("licence-journey-05-licence");
        signOut();

        // 5. Anyone, without signing in: the register page, and the certificate downloaded by the browser.
        open("/register/licences/" + id + "?lang=en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(number);
        assertThat(driver.findElement(By.id("status")).getDomAttribute("data-status"))
                .isEqualTo("NORMAL");
        browser.fullPageScreenshot("licence-journey-06-register");
        browser.assertAccessible("licence-journey-06-register");
        var pdf = download(driver.findElement(By.id("certificate")).getDomProperty("href"));
        Files.write(SCREENSHOTS.resolve("licence-journey-certificate.pdf"), pdf);
        String target;
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains(number);
            var image = new PDFRenderer(document).renderImageWithDPI(0, 150);
            javax.imageio.ImageIO.write(
                    image,
                    "png",
                    SCREENSHOTS.resolve("licence-journey-07-certificate.png").toFile());
            target = new QRCodeReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                    .getText();
        }
        assertThat(target).isEqualTo("http://localhost:" + port + "/register/verify/" + id);

        // 6. The browser opens the QR code's target: the licence is in force (normal).
        driver.get(target);
        var verification = driver.findElement(By.id("verification"));
        assertThat(verification.getDomAttribute("data-status")).isEqualTo("NORMAL");
        assertThat(verification.getDomAttribute("data-in-force")).isEqualTo("true");
        assertThat(driver.findElement(By.id("verified-number")).getText()).isEqualTo(number);
        browser.screenshot("licence-journey-08-verified-normal");
        browser.assertAccessible("licence-journey-08-verified-normal");

        // 7. A registrar revokes it through the page form; a missing reason is shown by the field first.
        signIn("registrar");
        open("/licences/" + id + "?lang=en");
        driver.findElement(By.id("action-revoke")).click();
        browser.type("legalBasis", "中华人民共和国行政许可法 第六十九条");
        browser.setValue(driver.findElement(By.id("date")), "2025-06-10");
        browser.clickAndWait("end");
        assertThat(driver.findElement(By.id("error-summary")).getText()).contains("reason");
        assertThat(driver.findElement(By.id("licence")).getDomAttribute("data-status"))
                .isEqualTo("NORMAL");
        browser.screenshot("licence-journey-09-revocation-refused");
        browser.assertAccessible("licence-journey-09-revocation-refused");
        browser.type("reason", "以欺骗手段取得许可 / licence obtained by deception");
        browser.setValue(driver.findElement(By.id("date")), "2025-06-10");
        browser.clickAndWait("end");
        assertThat(driver.findElement(By.id("done")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("licence")).getDomAttribute("data-status"))
                .isEqualTo("REVOKED");
        browser.fullPageScreenshot("licence-journey-10-revoked");
        browser.assertAccessible("licence-journey-10-revoked");
        signOut();

        // 8. The same QR target now says revoked, with the reason, the legal basis and the date.
        driver.get(target);
        verification = driver.findElement(By.id("verification"));
        assertThat(verification.getDomAttribute("data-status")).isEqualTo("REVOKED");
        assertThat(verification.getDomAttribute("data-in-force")).isEqualTo("false");
        assertThat(verification.getText())
                .contains("NOT in force: revoked", "licence obtained by deception", "第六十九条", "2025-06-10");
        browser.screenshot("licence-journey-11-verified-revoked");
        browser.assertAccessible("licence-journey-11-verified-revoked");
        open("/register/verify/" + id + "?lang=zh");
        assertThat(driver.findElement(By.id("verification")).getText()).contains("撤销");
        browser.screenshot("licence-journey-12-verified-revoked-zh");
        browser.assertAccessible("licence-journey-12-verified-revoked-zh");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.kaifang.licensing.Licences licences;

    @Test
    void theAnnualReportAndCreditListPagesAreAccessibleInBothLanguages() throws Exception {
        driver.manage().window().setSize(Browser.DESKTOP);
        var recorded = licences.record(
                        java.util.List.of(new org.kaifang.licensing.ExistingLicence(
                                org.kaifang.licensing.LicenceKind.LICENCE,
                                "合字B2-20230951",
                                "临港云数据有限公司",
                                null,
                                "91310115MA1K4LXQ26",
                                null,
                                null,
                                "MIIT",
                                true,
                                false,
                                null,
                                java.util.List.of(new org.kaifang.licensing.LicensedService(
                                        "B25", null, java.util.List.of("CN"))),
                                java.time.LocalDate.of(2023, 3, 1),
                                java.time.LocalDate.of(2023, 3, 1),
                                java.time.LocalDate.of(2028, 2, 28),
                                org.kaifang.licensing.LicenceStatus.NORMAL,
                                java.util.List.of(),
                                null,
                                false,
                                null)),
                        "system")
                .getFirst();

        // The holder: the reports due, the form, an incomplete submission re-shown with its problems.
        signIn("applicant.a");
        open("/annual-reports?lang=en");
        assertThat(driver.findElement(
                                By.cssSelector("#reports tr[data-licence='" + recorded.id() + "'][data-year='2024']"))
                        .getDomAttribute("data-state"))
                .isEqualTo("MISSING");
        browser.screenshot("reports-1-due-en");
        browser.assertAccessible("reports-1-due-en");
        open("/licences/" + recorded.id() + "/annual-reports/2024?lang=en");
        browser.type("business", "营业收入1200万元");
        driver.findElement(By.id("tradeSecret-1")).click();
        browser.clickAndWait("submit");
        assertThat(driver.findElement(By.id("error-summary")).getText()).contains("networkAndChanges", "commitment");
        assertThat(driver.findElement(By.id("business")).getDomProperty("value"))
                .isEqualTo("营业收入1200万元");
        browser.fullPageScreenshot("reports-2-refused-en");
        browser.assertAccessible("reports-2-refused-en");
        browser.clickAndWait("save");
        assertThat(driver.findElement(By.id("report")).getDomAttribute("data-state"))
                .isEqualTo("DRAFT");
        open("/licences/" + recorded.id() + "/annual-reports/2024?lang=zh");
        browser.fullPageScreenshot("reports-3-draft-zh");
        browser.assertAccessible("reports-3-draft-zh");
        driver.manage().window().setSize(Browser.PHONE);
        browser.screenshot("reports-4-draft-phone-zh");
        browser.assertAccessible("reports-4-draft-phone-zh");
        driver.manage().window().setSize(Browser.DESKTOP);
        signOut();

        // A registrar: the staff bad list, an entry refused then added, the dishonest list in Chinese.
        signIn("registrar");
        open("/credit-lists/bad?lang=en");
        browser.fullPageScreenshot("credit-1-bad-en");
        browser.assertAccessible("credit-1-bad-en");
        browser.type("operator", "浦东网联科技有限公司");
        browser.clickAndWait("add");
        assertThat(driver.findElement(By.id("error-summary")).getText()).contains("listedOn", "reason", "authority");
        browser.fullPageScreenshot("credit-2-refused-en");
        browser.assertAccessible("credit-2-refused-en");
        browser.type("uscc", "91310115MA1FL7T93C");
        browser.setValue(driver.findElement(By.id("listedOn")), "2025-06-01");
        browser.type("reason", "未按规定整改 / did not remedy");
        browser.type("authority", "上海市通信管理局");
        browser.clickAndWait("add");
        assertThat(driver.findElement(By.id("done")).getDomAttribute("data-done"))
                .isEqualTo("added");
        assertThat(driver.findElement(By.id("entries")).getText()).contains("浦东网联科技有限公司", "91310115MA1FL7T93C");
        browser.fullPageScreenshot("credit-3-added-en");
        browser.assertAccessible("credit-3-added-en");
        open("/credit-lists/dishonest?lang=zh");
        browser.screenshot("credit-4-dishonest-zh");
        browser.assertAccessible("credit-4-dishonest-zh");
        signOut();
    }

    /** The browser fetches the file itself (same origin), and hands its bytes back as Base64. */
    private byte[] download(String url) {
        var script = "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status))"
                + ".then(b => { let s = ''; const a = new Uint8Array(b);"
                + " for (let i = 0; i < a.length; i++) s += String.fromCharCode(a[i]); done(btoa(s)); })"
                + ".catch(e => done('ERROR ' + e));";
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        var result = (String) ((JavascriptExecutor) driver).executeAsyncScript(script, url);
        assertThat(result).doesNotStartWith("ERROR");
        var bytes = Base64.getDecoder().decode(result);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        return bytes;
    }

    private String status() {
        return driver.findElement(By.id("status")).getDomAttribute("data-status");
    }

    private void signIn(String username) {
        open("/login?lang=en");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(DemoLogins.PASSWORD);
        browser.clickAndWait("sign-in-submit");
    }

    private void signOut() {
        browser.clickAndWait("sign-out");
    }

    private static String path(String url) {
        var p = url.substring(url.indexOf("/applications/"));
        var q = p.indexOf('?');
        return q < 0 ? p : p.substring(0, q);
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
    }
}
