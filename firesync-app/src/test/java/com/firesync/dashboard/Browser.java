package com.firesync.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's headless Chromium through {@code /usr/bin/chromedriver} (nothing downloaded): waits on conditions, takes
 * screenshots, runs axe-core in the page and keeps every request the browser made, from Chrome's performance log.
 */
final class Browser implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChromeDriver driver;

    private final Path screenshots;

    private final List<String> requests = new ArrayList<>();

    Browser(Path screenshots) {
        this.screenshots = screenshots;
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-GB", "--no-first-run", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-features=Translate,OptimizationHints,MediaRouter",
                "--metrics-recording-only", "--no-pings");
        var logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(RuntimeException.class).until(condition);
    }

    /** Waits until the element is there and shown, and answers it. */
    WebElement shown(String css) {
        return until(d -> {
            WebElement element = d.findElement(By.cssSelector(css));
            return element.isDisplayed() ? element : null;
        });
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The viewport of a phone: 360 × 740 CSS pixels. */
    void narrow() {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 740, "deviceScaleFactor", 1, "mobile", true));
    }

    void wide() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Whether the page is wider than the window (it would scroll sideways). */
    boolean scrollsSideways() {
        return (Boolean) Objects.requireNonNull(
                script("return document.documentElement.scrollWidth > window.innerWidth"
                        + " || document.body.scrollWidth > window.innerWidth"));
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A screenshot of the whole page at desktop width (at most 3,000 pixels high). */
    void screenshotWholePage(String name) {
        long height = ((Number) Objects.requireNonNull(script("return document.documentElement.scrollHeight")))
                .longValue();
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height",
                Math.min(height, 3000), "deviceScaleFactor", 1, "mobile", false));
        try {
            screenshot(name);
        } finally {
            wide();
        }
    }

    /** axe-core's violations of impact serious or critical on the page as it is now, one line each. */
    List<String> seriousAccessibilityViolations() {
        if (!Boolean.TRUE.equals(script("return typeof window.axe === 'object'"))) {
            script(axeSource());
        }
        Object answer = driver.executeAsyncScript(
                """
                        const done = arguments[arguments.length - 1];
                        axe.run(document, { resultTypes: ['violations'] })
                           .then(result => done(JSON.stringify(result.violations
                               .filter(v => v.impact === 'serious' || v.impact === 'critical')
                               .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`))))
                           .catch(error => done(JSON.stringify(['axe failed: ' + error])));
                        """);
        List<String> violations = new ArrayList<>();
        JSON.readTree(String.valueOf(answer)).forEach(node -> violations.add(node.asString()));
        return violations;
    }

    /** Every URL the browser requested (pages, scripts, fetches, WebSockets) since the last call. */
    List<String> requests() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).get("message");
            String method = message.get("method").asString();
            JsonNode params = message.get("params");
            if ("Network.requestWillBeSent".equals(method)) {
                requests.add(params.get("request").get("url").asString());
            } else if ("Network.webSocketCreated".equals(method)) {
                requests.add(params.get("url").asString());
            }
        }
        List<String> seen = List.copyOf(requests);
        requests.clear();
        return seen;
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getResourceAsStream("/axe-core/axe.min.js")) {
            return new String(Objects.requireNonNull(in, "axe-core is missing from the test resources").readAllBytes(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
