package org.kaifang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages in a real browser: the {@code /check} form in both languages, its error summary, the language switch, the
 * table of what is open where, axe-core accessibility checks, a phone-width layout and no resources from elsewhere.
 * Uses Debian's Chromium and ChromeDriver, never Selenium Manager; skips without them unless {@code CI=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:it;DB_CLOSE_DELAY=-1")
class CheckPageBrowserIntegrationTests {

    private static final Dimension DESKTOP = Browser.DESKTOP;
    private static final Dimension PHONE = Browser.PHONE;

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
        driver.manage().window().setSize(DESKTOP);
        driver.get(url("/"));
        driver.manage().deleteAllCookies();
    }

    @Test
    void englishApplicantInLingangMayOfferIrcsButNotIpVpn() throws Exception {
        open("/check?lang=en");
        assertThat(htmlLang()).isEqualTo("en");
        fillCheck("2025-03-01", "Lingang Data Ltd", "310115", "10000000", "100", "310115");
        tick("zone-CN-SH-LINGANG");
        tick("service-B11-IRCS");
        tick("service-B13-IP_VPN");
        tick("coverage-CN");
        submit();

        assertThat(driver.getCurrentUrl()).contains("/determinations/");
        var overall = driver.findElement(By.id("overall"));
        assertThat(overall.getDomAttribute("data-outcome")).isEqualTo("NOT_PERMITTED");
        assertThat(overall.getText()).contains("Not permitted");
        var ircs = driver.findElement(By.id("service-B11-IRCS"));
        assertThat(ircs.getDomAttribute("data-outcome")).isEqualTo("PERMITTED");
        assertThat(ircs.getText()).contains("No cap");
        assertThat(driver.findElement(By.id("service-B13-IP_VPN")).getDomAttribute("data-outcome"))
                .isEqualTo("NOT_PERMITTED");
        assertThat(driver.findElement(By.cssSelector("#main .facts time")).getText())
                .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC");
        screenshot("determination-en");

        assertAccessible("determination-en");
        assertEverythingLoadedFromHere();

        var id = driver.getCurrentUrl().replaceAll(".*/determinations/", "");
        var api = get("/api/v1/determinations/" + id);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        driver.findElement(By.cssSelector("a[href='/api/v1/determinations/" + id + "']"))
                .click();
        var json = JsonMapper.builder()
                .build()
                .readTree(driver.findElement(By.tagName("pre")).getText());
        assertThat(json.get("id").asString()).isEqualTo(id);
        assertThat(json.get("overall").asString()).isEqualTo("NOT_PERMITTED");
        driver.navigate().back();

        open("/determinations/00000000-0000-7000-8000-000000000000");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
        screenshot("not-found-en");
        assertAccessible("not-found-en");
    }

    @Test
    void chineseApplicantInHainanMayProcessData() throws IOException {
        open("/check?lang=zh");
        assertThat(htmlLang()).isEqualTo("zh-CN");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("准入判定");
        screenshot("check-zh");
        assertAccessible("check-zh");
        fillCheck("2025-03-01", "海南数据有限公司", "460106", "", "100", "");
        tick("service-B21-DATA_PROCESSING");
        tick("coverage-CN");
        submit();

        assertThat(driver.getCurrentUrl()).contains("/determinations/");
        assertThat(htmlLang()).isEqualTo("zh-CN");
        var overall = driver.findElement(By.id("overall"));
        assertThat(overall.getDomAttribute("data-outcome")).isEqualTo("PERMITTED");
        assertThat(overall.getText()).contains("允许");
        assertThat(driver.findElement(By.id("service-B21-DATA_PROCESSING")).getDomAttribute("data-outcome"))
                .isEqualTo("PERMITTED");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("判定结果");
        screenshot("determination-zh");
        assertAccessible("determination-zh");

        driver.manage().window().setSize(PHONE);
        driver.navigate().refresh();
        assertNoHorizontalScroll("the determination (zh)");
        screenshot("determination-zh-phone");
    }

    @Test
    void invalidAnswersAreListedInTheErrorSummaryAndKept() throws Exception {
        open("/check?lang=en");
        assertAccessible("check-en");
        assertEverythingLoadedFromHere();
        screenshot("check-en");
        fillCheck("2025-03-01", "Typo Ltd", "999999", "", "101", "");
        tick("service-B11-IRCS");
        submit();

        assertThat(((Number) ((JavascriptExecutor) driver)
                                .executeScript("return performance.getEntriesByType('navigation')[0].responseStatus;"))
                        .intValue())
                .as("status of the page with errors, as the browser got it")
                .isEqualTo(422);
        var summary = driver.findElement(By.id("error-summary"));
        assertThat(driver.switchTo().activeElement())
                .as("focus on the error summary")
                .isEqualTo(summary);
        assertThat(summary.getText()).contains("There is a problem");
        var targets = summary.findElements(By.cssSelector("a")).stream()
                .map(a -> a.getDomAttribute("href"))
                .toList();
        assertThat(targets).contains("#seat", "#equity");
        assertThat(driver.findElement(By.id("seat")).getDomProperty("value")).isEqualTo("999999");
        assertThat(driver.findElement(By.id("equity")).getDomProperty("value")).isEqualTo("101");
        assertThat(driver.findElement(By.id("name")).getDomProperty("value")).isEqualTo("Typo Ltd");
        assertThat(driver.findElement(By.id("service-B11-IRCS")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("seat")).getDomAttribute("aria-describedby"))
                .contains("seat-error");
        screenshot("check-errors-en");
        assertAccessible("check-errors-en");

        summary.findElement(By.cssSelector("a[href='#equity']")).click();
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("equity");

        driver.manage().window().setSize(PHONE);
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
        screenshot("check-errors-en-phone");

        assertThat(postCheckStatus("seat=999999&equity=101&services=B11%2FIRCS&coverage=CN&asOf=2025-03-01"))
                .isEqualTo(422);
    }

    @Test
    void anAttachedStructureIsJudgedByItsLookThroughShareWithItsChain() throws Exception {
        var structure = """
                parties:
                  - {id: applicant, name: "Structure Cloud Ltd", kind: COMPANY, jurisdiction: CN}
                  - {id: parent, name: "Example AG", kind: COMPANY, jurisdiction: DE}
                  - {id: holding, name: "Example Holding (Shanghai) Co., Ltd.", kind: COMPANY, jurisdiction: CN}
                  - {id: partner, name: "张三", kind: PERSON, jurisdiction: CN}
                holdings:
                  - {owner: parent, owned: holding, equityPercent: 100}
                  - {owner: holding, owned: applicant, equityPercent: 60}
                  - {owner: partner, owned: applicant, equityPercent: 40}
                """;
        open("/check?lang=en");
        fillCheck("2025-03-01", "Structure Cloud Ltd", "310115", "10000000", "", "310115");
        setValue(driver.findElement(By.id("ownership")), structure.replace("owned: holding,", "owned: nobody,"));
        tick("service-B21-DATA_PROCESSING");
        tick("coverage-CN");
        submit();

        var summary = driver.findElement(By.id("error-summary"));
        assertThat(summary.findElements(By.cssSelector("a")).stream()
                        .map(a -> a.getDomAttribute("href"))
                        .toList())
                .containsExactly("#ownership");
        assertThat(driver.findElement(By.id("ownership-error")).getText())
                .contains("/holdings/0/owned: unknown party 'nobody'");
        assertAccessible("check-ownership-errors-en");

        setValue(driver.findElement(By.id("ownership")), structure);
        submit();

        assertThat(driver.getCurrentUrl()).contains("/determinations/");
        assertThat(driver.findElement(By.id("ownership-direct")).getText()).isEqualTo("0%");
        assertThat(driver.findElement(By.id("ownership-look-through")).getText())
                .startsWith("60%");
        assertThat(driver.findElement(By.id("ownership-paths")).getText())
                .contains(
                        "Example AG (DE) → 100% Example Holding (Shanghai) Co., Ltd. (CN) → 60% Structure Cloud Ltd (CN)"
                                + " = 60%");
        assertThat(driver.findElement(By.id("ownership-controllers")).getText())
                .contains("parent")
                .contains("Example AG holds 100% of the votes of Example Holding (Shanghai) Co., Ltd.");
        assertThat(driver.findElement(By.id("ownership-owners")).getText()).contains("parent", "60%");
        fullPageScreenshot("determination-ownership-en");
        assertAccessible("determination-ownership-en");
    }

    @Test
    void languageSwitchChangesTheLanguageAndIsRemembered() throws IOException {
        open("/?lang=en");
        assertThat(htmlLang()).isEqualTo("en");
        assertAccessible("home-en");
        assertEverythingLoadedFromHere();
        screenshot("home-en");

        driver.findElement(By.cssSelector(".lang-switch a[hreflang='zh-CN']")).click();
        assertThat(htmlLang()).isEqualTo("zh-CN");
        assertThat(driver.getCurrentUrl()).endsWith("/?lang=zh");
        assertThat(driver.manage().getCookieNamed("kaifang-lang").getValue()).isEqualTo("zh");
        assertAccessible("home-zh");
        screenshot("home-zh");

        driver.findElement(By.cssSelector(".site-nav a[href='/rules']")).click();
        assertThat(driver.getCurrentUrl()).doesNotContain("lang=");
        assertThat(htmlLang()).isEqualTo("zh-CN");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("各地对外资的开放情况");

        driver.findElement(By.cssSelector(".lang-switch a[hreflang='en']")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/rules?lang=en");
        assertThat(driver.manage().getCookieNamed("kaifang-lang").getValue()).isEqualTo("en");
        driver.findElement(By.cssSelector(".site-nav a[href='/check']")).click();
        assertThat(driver.getCurrentUrl()).doesNotContain("lang=");
        assertThat(htmlLang()).isEqualTo("en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Eligibility check");
    }

    @Test
    void rulesPageShowsTheTableForTheChosenDateAndArea() throws IOException {
        open("/rules?lang=en");
        assertThat(driver.findElements(By.cssSelector("table thead th")).size()).isGreaterThan(3);
        screenshot("rules-all-en");
        assertAccessible("rules-all-en");
        assertEverythingLoadedFromHere();
        driver.manage().window().setSize(PHONE);
        screenshot("rules-all-en-phone");
        assertAccessible("rules-all-en-phone");
        driver.manage().window().setSize(DESKTOP);

        var date = driver.findElement(By.id("asOf"));
        setValue(date, "2025-03-01");
        new Select(driver.findElement(By.id("area"))).selectByValue("CN-PILOT-SH");
        driver.findElement(By.cssSelector("form.inline-form button[type=submit]"))
                .click();
        // The GET form navigates; wait for the new page rather than reading the old one's address.
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("area=CN-PILOT-SH"));

        assertThat(driver.getCurrentUrl()).contains("asOf=2025-03-01").contains("area=CN-PILOT-SH");
        assertThat(driver.findElement(By.cssSelector("table caption")).getText())
                .contains("2025-03-01");
        assertThat(driver.findElements(By.cssSelector("table tbody tr"))).isNotEmpty();
        var columns = driver.findElements(By.cssSelector("table thead th")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(columns).hasSize(3);
        assertThat(columns.get(1)).startsWith("Nationwide");
        assertThat(columns.get(2)).contains("Lin-gang");
        assertThat(new Select(driver.findElement(By.id("area")))
                        .getFirstSelectedOption()
                        .getDomAttribute("value"))
                .isEqualTo("CN-PILOT-SH");
        screenshot("rules-en");
        assertAccessible("rules-en");

        open("/rules?lang=zh&asOf=2025-03-01&area=CN-PILOT-SH");
        screenshot("rules-zh");
        assertAccessible("rules-zh");
        driver.manage().window().setSize(PHONE);
        screenshot("rules-zh-phone");
    }

    @Test
    void axeFindsAnUnlabelledInput() {
        open("/?lang=en");
        ((JavascriptExecutor) driver)
                .executeScript("var i = document.createElement('input'); i.type = 'text';"
                        + " document.querySelector('main').appendChild(i);");
        // The shared accessibility check must catch it, or a passing page proves nothing.
        assertThatThrownBy(() -> browser.assertAccessible("unlabelled-input"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("label");
    }

    @Test
    void pagesFitAPhoneScreen() throws IOException {
        driver.manage().window().setSize(PHONE);
        for (var lang : List.of("en", "zh")) {
            open("/check?lang=" + lang);
            assertNoHorizontalScroll("/check (" + lang + ")");
            screenshot("check-" + lang + "-phone");
            fullPageScreenshot("check-" + lang + "-phone-full");
        }
        open("/?lang=en");
        assertNoHorizontalScroll("/ (en)");
        screenshot("home-en-phone");
        open("/rules?lang=en");
        assertNoHorizontalScroll("/rules (en)");
    }

    /** The page is no wider than the window; on failure, names the elements that stick out. */
    private void assertNoHorizontalScroll(String page) {
        var js = (JavascriptExecutor) driver;
        var widths = (List<?>) js.executeScript("return [document.documentElement.scrollWidth, window.innerWidth];");
        var scrollWidth = ((Number) widths.get(0)).longValue();
        var innerWidth = ((Number) widths.get(1)).longValue();
        var culprits = scrollWidth <= innerWidth ? List.of() : (List<?>) js.executeScript("""
                        const wide = e => e.getBoundingClientRect().right > window.innerWidth
                            || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible');
                        return [...document.querySelectorAll('body *')]
                            .filter(e => !e.parentElement.closest('.table-wrap'))
                            .filter(e => wide(e) && ![...e.children].some(wide))
                            .slice(0, 10)
                            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                                + (e.className ? '.' + String(e.className).trim().replaceAll(/\\s+/g, '.') : '')
                                + ' (' + e.scrollWidth + ' px)');
                        """);
        assertThat(scrollWidth)
                .as("horizontal scroll on %s at %d px; sticking out: %s", page, PHONE.getWidth(), culprits)
                .isLessThanOrEqualTo(innerWidth);
    }

    private void fillCheck(String asOf, String name, String seat, String capital, String equity, String facilities) {
        setValue(driver.findElement(By.id("asOf")), asOf);
        type("name", name);
        type("seat", seat);
        type("capital", capital);
        type("equity", equity);
        type("facilities", facilities);
    }

    private void type(String id, String text) {
        var field = driver.findElement(By.id(id));
        field.clear();
        if (!text.isEmpty()) {
            field.sendKeys(text);
        }
    }

    /** Date inputs take keystrokes in the browser's locale format; setting the value is locale-independent. */
    private void setValue(WebElement field, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", field, value);
    }

    private void tick(String id) {
        var box = driver.findElement(By.id(id));
        if (!box.isSelected()) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", box);
            box.click();
        }
        assertThat(box.isSelected()).as(id).isTrue();
    }

    private void submit() {
        var old = driver.findElement(By.tagName("html"));
        var button = driver.findElement(By.id("check-submit"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(Browser.pageChanged(old));
    }

    private void open(String path) {
        driver.get(url(path));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String htmlLang() {
        return driver.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        try (var client = HttpClient.newHttpClient()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create(url(path)))
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /** POSTs the form outside the browser, with a CSRF token and session from a fresh GET. */
    private int postCheckStatus(String form) throws IOException, InterruptedException {
        var cookies = new CookieManager();
        try (var client = HttpClient.newBuilder().cookieHandler(cookies).build()) {
            var page = client.send(
                            HttpRequest.newBuilder(URI.create(url("/check?lang=en")))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            var matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(matcher.find()).as("CSRF token on /check").isTrue();
            var body = "_csrf=" + matcher.group(1) + "&" + form;
            return client.send(
                            HttpRequest.newBuilder(URI.create(url("/check")))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }

    private void assertAccessible(String page) {
        browser.assertAccessible(page);
    }

    private void assertEverythingLoadedFromHere() {
        browser.assertEverythingLoadedFrom(port);
    }

    private void screenshot(String name) throws IOException {
        browser.screenshot(name);
    }

    private void fullPageScreenshot(String name) throws IOException {
        browser.fullPageScreenshot(name);
    }
}
