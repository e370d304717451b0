package org.kaifang.ownership.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaifang.ownership.OwnershipAnalyses;
import org.kaifang.ownership.OwnershipAnalysis;
import org.kaifang.ownership.StructureReader;
import org.kaifang.rules.RuleCatalogue;
import org.kaifang.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The {@code /ownership} page in a real browser, in English and Chinese: a three-level structure with a cross-holding
 * is drawn (a node per party, an arrow per holding, the cycle closed by a curved arrow), its figures are the
 * analyser's, it passes axe-core, and bad input comes back as a list of problems. Uses Debian's Chromium and
 * ChromeDriver; skips without them unless {@code CI=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:it;DB_CLOSE_DELAY=-1")
class OwnershipPageBrowserIntegrationTests {

    private static final Dimension DESKTOP = Browser.DESKTOP;
    private static final Dimension PHONE = Browser.PHONE;

    /**
     * Siemens-like: a German parent holds a Hong Kong holding, which holds 80% of a Shanghai company; that company and a
     * domestic company hold each other (30% and 20%); the Shanghai company, the domestic company and a Chinese person
     * hold the applicant.
     */
    static final String CYCLE = """
            asOf: "2025-03-01"
            parties:
              - {id: applicant, name: "Lingang Cloud Co., Ltd.", kind: COMPANY, jurisdiction: CN}
              - {id: parent, name: "Muster AG", kind: COMPANY, jurisdiction: DE}
              - {id: hk, name: "Muster Holdings (HK) Ltd", kind: COMPANY, jurisdiction: HK}
              - {id: shanghai, name: "Muster (Shanghai) Co., Ltd.", kind: COMPANY, jurisdiction: CN}
              - {id: cross, name: "上海交叉持股科技有限公司", kind: COMPANY, jurisdiction: CN}
              - {id: partner, name: "李四", kind: PERSON, jurisdiction: CN}
            holdings:
              - {owner: parent, owned: hk, equityPercent: 100}
              - {owner: hk, owned: shanghai, equityPercent: 80}
              - {owner: cross, owned: shanghai, equityPercent: 20}
              - {owner: shanghai, owned: cross, equityPercent: 30}
              - {owner: partner, owned: cross, equityPercent: 70}
              - {owner: shanghai, owned: applicant, equityPercent: 55}
              - {owner: cross, owned: applicant, equityPercent: 25}
              - {owner: partner, owned: applicant, equityRange: [15, 20]}
            """;

    private static Browser browser;
    private static WebDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    RuleCatalogue rules;

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
    void aStructureWithACycleIsDrawnAndAnalysedInEnglish() throws IOException {
        open("/ownership?lang=en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Ownership structure");
        assertThat(driver.findElement(By.id("structure")).getDomProperty("value"))
                .as("the form starts with an example")
                .contains("parties:");
        assertAccessible("ownership-form-en");

        analyse(CYCLE);

        var expected = analysis();
        assertDrawn();
        assertThat(driver.findElement(By.id("look-through")).getText())
                .as("the look-through share, as the analyser computes it")
                .startsWith(number(expected.foreignEquity().lookThrough()) + "%");
        assertThat(driver.findElement(By.id("foreign-controlled")).getText()).isEqualTo("Yes");
        var parent = expected.effective().stream()
                .filter(e -> e.party().equals("parent"))
                .findFirst()
                .orElseThrow();
        assertThat(driver.findElement(By.cssSelector("#parties-table tr[data-party='parent'] td.effective"))
                        .getText())
                .startsWith(number(parent.percent()) + "%");
        assertThat(driver.findElement(By.cssSelector("#parties-table tr[data-party='hk']"))
                        .getText())
                .contains("Foreign");
        assertThat(driver.findElement(By.cssSelector("#parties-table tr[data-party='cross']"))
                        .getText())
                .contains("Domestic");
        assertThat(driver.findElements(By.cssSelector("#holdings-table tbody tr")))
                .hasSize(8);
        assertThat(driver.findElement(
                                By.cssSelector("#holdings-table tr[data-owner='partner'][data-owned='applicant']"))
                        .getText())
                .contains("15–20%");
        assertThat(driver.findElement(By.id("paths")).getText())
                .contains("Muster AG (DE) → 100% Muster Holdings (HK) Ltd (HK) → 80% Muster (Shanghai) Co., Ltd. (CN)");
        assertThat(driver.findElement(By.id("controllers")).getText())
                .contains("Muster AG")
                .contains("holds 100% of the votes of Muster Holdings (HK) Ltd");

        fullPageScreenshot("ownership-cycle-en");
        elementScreenshot(driver.findElement(By.id("ownership-graph")), "ownership-graph-en");
        assertAccessible("ownership-cycle-en");
        assertEverythingLoadedFromHere();
    }

    @Test
    void theSameStructureInChinese() throws IOException {
        open("/ownership?lang=zh");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("股权结构");

        analyse(CYCLE);

        assertDrawn();
        assertThat(driver.findElement(By.id("look-through")).getText())
                .startsWith(number(analysis().foreignEquity().lookThrough()) + "%");
        assertThat(driver.findElement(By.id("foreign-controlled")).getText()).isEqualTo("是");
        assertThat(driver.findElement(By.cssSelector("g.graph-node[data-party='hk']"))
                        .getText())
                .contains("境外 · HK");
        assertThat(driver.findElement(By.id("controllers")).getText()).contains("Muster AG持有");
        fullPageScreenshot("ownership-cycle-zh");
        elementScreenshot(driver.findElement(By.id("ownership-graph")), "ownership-graph-zh");
        assertAccessible("ownership-cycle-zh");

        driver.manage().window().setSize(PHONE);
        open("/ownership");
        analyse(CYCLE);
        var widths = (List<?>) ((JavascriptExecutor) driver)
                .executeScript("return [document.documentElement.scrollWidth, window.innerWidth];");
        assertThat(((Number) widths.get(0)).longValue())
                .as("no horizontal scroll on a phone: the drawing scrolls inside its frame")
                .isLessThanOrEqualTo(((Number) widths.get(1)).longValue());
        var graph = driver.findElement(By.id("ownership-graph"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'});", graph);
        screenshot("ownership-cycle-zh-phone");
        assertAccessible("ownership-cycle-zh-phone");
    }

    @Test
    void anInvalidStructureIsShownAgainWithEveryProblem() throws IOException {
        open("/ownership?lang=en");
        // Problems in the fields are all found first; problems between parties once every field reads.
        var broken = CYCLE.replace("equityPercent: 100}", "equityPercent: 120}").replace("kind: PERSON", "kind: ROBOT");
        analyse(broken);

        assertThat(status()).isEqualTo(422);
        var summary = driver.findElement(By.id("error-summary"));
        assertThat(driver.switchTo().activeElement())
                .as("focus on the error summary")
                .isEqualTo(summary);
        assertThat(summary.getText())
                .contains("There is a problem")
                .contains("2 problem(s)")
                .contains("Holding 1 (parent → hk) /holdings/0/equityPercent: must be from 0 to 100, not 120")
                .contains("Party 6 (partner) /parties/5/kind: must be COMPANY, PERSON, STATE or FUND");
        assertThat(summary.findElements(By.cssSelector("a")))
                .allSatisfy(a -> assertThat(a.getDomAttribute("href")).isEqualTo("#structure"));
        assertThat(driver.findElement(By.id("structure")).getDomProperty("value"))
                .as("the text is kept to be corrected")
                .isEqualTo(broken);
        assertThat(driver.findElement(By.id("structure")).getDomAttribute("aria-describedby"))
                .contains("structure-error");
        assertThat(driver.findElements(By.id("ownership-graph"))).isEmpty();
        screenshot("ownership-errors-en");
        assertAccessible("ownership-errors-en");

        analyse(CYCLE.replace("{owner: parent, owned: hk,", "{owner: parent, owned: ghost,")
                .replace("jurisdiction: HK}", "jurisdiction: XX}"));
        assertThat(status()).isEqualTo(422);
        assertThat(driver.findElement(By.id("error-summary")).getText())
                .contains("Holding 1 (parent → ghost) /holdings/0/owned: unknown party 'ghost'")
                .contains("Party 3 (hk) /parties/2/jurisdiction: 'XX' of party 'hk' is not an ISO 3166-1");

        analyse("parties: [ {id: applicant");
        assertThat(status()).isEqualTo(422);
        assertThat(driver.findElement(By.id("error-summary")).getText()).contains("not valid JSON or YAML at line");

        analyse("");
        assertThat(driver.findElement(By.id("error-summary")).getText())
                .contains("Enter a structure, or upload a JSON, YAML or CSV file");
    }

    @Test
    void aJsonFileAndCsvFilesCanBeUploaded() throws IOException {
        var dir = Files.createTempDirectory("ownership-upload");
        var json = dir.resolve("structure.json");
        Files.writeString(json, """
                {"parties": [
                   {"id": "applicant", "name": "Upload Co", "kind": "COMPANY", "jurisdiction": "CN"},
                   {"id": "us", "name": "Upload Inc.", "kind": "COMPANY", "jurisdiction": "US"}],
                 "holdings": [{"owner": "us", "owned": "applicant", "equityPercent": 49}]}
                """);
        open("/ownership?lang=en");
        driver.findElement(By.id("file")).sendKeys(json.toAbsolutePath().toString());
        submit();
        assertThat(driver.findElement(By.id("look-through")).getText()).isEqualTo("49%");
        assertThat(driver.findElement(By.id("structure")).getDomProperty("value"))
                .as("the file's text is put in the box")
                .contains("Upload Inc.");

        var parties = dir.resolve("parties.csv");
        var holdings = dir.resolve("holdings.csv");
        Files.writeString(
                parties, "id,name,kind,jurisdiction\napplicant,CSV Co,company,CN\nmo,\"Macau, Ltd\",company,MO\n");
        Files.writeString(holdings, "owner,owned,equityPercent\nmo,applicant,30\n");
        driver.findElement(By.id("parties")).sendKeys(parties.toAbsolutePath().toString());
        driver.findElement(By.id("holdings")).sendKeys(holdings.toAbsolutePath().toString());
        submit();
        assertThat(driver.findElement(By.id("look-through")).getText()).isEqualTo("30%");
        assertThat(driver.findElement(By.cssSelector("g.graph-node[data-party='mo']"))
                        .getText())
                .contains("Macau, Ltd");

        driver.findElement(By.id("parties")).sendKeys(parties.toAbsolutePath().toString());
        submit();
        assertThat(status()).isEqualTo(422);
        assertThat(driver.findElement(By.id("error-summary")).getText())
                .contains("Upload both parties.csv and holdings.csv");
        assertThat(driver.findElement(By.cssSelector("#error-summary a")).getDomAttribute("href"))
                .isEqualTo("#parties");
    }

    private void assertDrawn() {
        var svg = driver.findElement(By.id("ownership-graph"));
        assertThat(svg.getDomAttribute("role")).isEqualTo("img");
        assertThat(svg.findElement(By.tagName("title")).getDomProperty("textContent"))
                .contains("Lingang Cloud Co., Ltd.");
        assertThat(svg.findElements(By.tagName("desc"))).hasSize(1);
        var nodes = svg.findElements(By.cssSelector("g.graph-node")).stream()
                .map(n -> n.getDomAttribute("data-party"))
                .toList();
        assertThat(nodes).containsExactlyInAnyOrder("applicant", "parent", "hk", "shanghai", "cross", "partner");
        var arrows = svg.findElements(By.cssSelector("path.graph-edge")).stream()
                .map(a -> a.getDomAttribute("data-owner") + "→" + a.getDomAttribute("data-owned"))
                .toList();
        assertThat(arrows)
                .containsExactlyInAnyOrder(
                        "parent→hk",
                        "hk→shanghai",
                        "cross→shanghai",
                        "shanghai→cross",
                        "partner→cross",
                        "shanghai→applicant",
                        "cross→applicant",
                        "partner→applicant");
        var cycle = svg.findElements(By.cssSelector("path.graph-edge--back")).stream()
                .map(a -> a.getDomAttribute("data-owner") + "→" + a.getDomAttribute("data-owned"))
                .toList();
        assertThat(cycle).as("the cross-holding closes the cycle").hasSize(1);
        assertThat(cycle.getFirst()).isIn("shanghai→cross", "cross→shanghai");
        assertThat(svg.findElements(By.cssSelector("g.graph-node--foreign")).stream()
                        .map(n -> n.getDomAttribute("data-party"))
                        .toList())
                .containsExactlyInAnyOrder("parent", "hk");
        var rendered = (Number)
                ((JavascriptExecutor) driver).executeScript("return arguments[0].getBoundingClientRect().height;", svg);
        assertThat(rendered.doubleValue()).as("rendered height of the drawing").isGreaterThan(300);
    }

    private OwnershipAnalysis analysis() {
        var node = OwnershipPages.parse(CYCLE);
        return OwnershipAnalyses.analyser(rules.current(), LocalDate.parse("2025-03-01"))
                .analyse(StructureReader.read(node, "", true));
    }

    private static String number(double percent) {
        return BigDecimal.valueOf(percent)
                .setScale(4, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    private void analyse(String structure) {
        var box = driver.findElement(By.id("structure"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", box, structure);
        submit();
    }

    private void submit() {
        var old = driver.findElement(By.tagName("html"));
        var button = driver.findElement(By.id("ownership-submit"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(Browser.pageChanged(old));
    }

    private int status() {
        return ((Number) ((JavascriptExecutor) driver)
                        .executeScript("return performance.getEntriesByType('navigation')[0].responseStatus;"))
                .intValue();
    }

    private void open(String path) {
        driver.get(url(path));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
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

    private void elementScreenshot(org.openqa.selenium.WebElement element, String name) throws IOException {
        browser.elementScreenshot(element, name);
    }

    private void fullPageScreenshot(String name) throws IOException {
        browser.fullPageScreenshot(name);
    }
}
