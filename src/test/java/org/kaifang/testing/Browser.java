package org.kaifang.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for browser tests, with the checks every page gets: axe-core's WCAG 2.x A/AA rules,
 * nothing loaded from elsewhere, and screenshots under {@code target/screenshots}. Where Chromium is missing the tests
 * are skipped with the reason printed, except under {@code CI=true}, where they fail.
 */
public final class Browser implements AutoCloseable {

    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension PHONE = new Dimension(390, 844);

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts Chromium, or skips the calling test class (fails it under {@code CI=true}) when it is missing. */
    public static Browser start() throws IOException {
        var missing = Stream.of(CHROMIUM, CHROMEDRIVER)
                .filter(p -> !Files.isExecutable(p))
                .toList();
        if (!missing.isEmpty()) {
            var reason = "no executable " + missing + " (apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                fail(reason + ". CI=true, so the browser tests must run.");
            }
            System.out.println("Skipping browser tests: " + reason);
            assumeTrue(false, reason);
        }
        Files.createDirectories(SCREENSHOTS);
        var profile = Files.createTempDirectory("chromium-profile");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        return new Browser(new ChromeDriver(service, options), profile);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Runs axe-core on the current page and fails with a readable report of any WCAG 2.x A/AA violation. */
    public void assertAccessible(String page) {
        var results = new AxeBuilder().withTags(WCAG).analyze(driver);
        var violations = results.getViolations();
        var report = violations.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + "\n"
                        + v.getNodes().stream()
                                .map(n -> "    " + n.getTarget() + " " + n.getHtml() + "\n      "
                                        + n.getFailureSummary().replace("\n", "\n      "))
                                .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
        System.out.printf(
                "axe %s: %d violations, %d passes, %d incomplete%n",
                page,
                violations.size(),
                results.getPasses().size(),
                results.getIncomplete().size());
        assertThat(violations).as("axe violations on %s:%n%s", page, report).isEmpty();
    }

    /** Every resource the page loaded came from the server under test: no CDN, no third party. */
    public void assertEverythingLoadedFrom(int port) {
        var urls = (List<?>) ((JavascriptExecutor) driver)
                .executeScript("return performance.getEntriesByType('resource').map(e => e.name);");
        assertThat(urls).isNotEmpty();
        assertThat(urls).allSatisfy(u -> assertThat(u.toString()).startsWith("http://localhost:" + port + "/"));
    }

    public void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    public void elementScreenshot(WebElement element, String name) throws IOException {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'});", element);
        Files.write(SCREENSHOTS.resolve(name + ".png"), element.getScreenshotAs(OutputType.BYTES));
    }

    /** A screenshot of the whole page: the window is made as tall as the document, then put back. */
    public void fullPageScreenshot(String name) throws IOException {
        var size = driver.manage().window().getSize();
        var js = (JavascriptExecutor) driver;
        var height = ((Number) js.executeScript("return document.documentElement.scrollHeight;")).intValue();
        var chrome = ((Number) js.executeScript("return window.outerHeight - window.innerHeight;")).intValue();
        driver.manage().window().setSize(new Dimension(size.getWidth(), Math.min(height + chrome, 8000)));
        try {
            screenshot(name);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    /**
     * A wait condition: {@code old} (an element of the page before a click) is gone, so the next page is loaded.
     * Selenium's {@code stalenessOf} asks the old node whether it is enabled; while Chromium swaps documents that can
     * fail with "Node with given id does not belong to the document" instead of a stale-element error. Both mean the
     * page changed.
     */
    public static org.openqa.selenium.support.ui.ExpectedCondition<Boolean> pageChanged(WebElement old) {
        return driver -> {
            try {
                old.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    /** Scrolls the element with id {@code id} into view, clicks it and waits until the next page has loaded. */
    public void clickAndWait(String id) {
        clickAndWait(driver.findElement(org.openqa.selenium.By.id(id)));
    }

    /** Scrolls {@code element} into view, clicks it and waits until the next page has loaded. */
    public void clickAndWait(WebElement element) {
        var old = driver.findElement(org.openqa.selenium.By.tagName("html"));
        scrollIntoView(element);
        element.click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
                .until(pageChanged(old));
    }

    /** Replaces the text of the field with id {@code id}, typing it as a user would. */
    public void type(String id, String text) {
        var field = driver.findElement(org.openqa.selenium.By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Sets a field's value directly: for date inputs, whose typed format depends on the browser's locale.
     */
    public void setValue(WebElement field, String value) {
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].value = arguments[1];", field, value);
    }

    /** Ticks the checkbox with id {@code id} unless it is ticked already. */
    public void tick(String id) {
        var box = driver.findElement(org.openqa.selenium.By.id(id));
        if (!box.isSelected()) {
            scrollIntoView(box);
            box.click();
        }
    }

    private void scrollIntoView(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
