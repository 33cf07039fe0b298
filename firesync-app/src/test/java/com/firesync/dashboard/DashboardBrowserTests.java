package com.firesync.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.testing.FireSyncProcess;
import com.firesync.testing.Http;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in a real browser (Debian's headless Chromium driven by Selenium) against the packaged jar in a child
 * JVM on a random port (so these run after {@code package}, in the {@code browser} execution of {@code verify}), with the in-app sandbox and the embedded H2 database in a fresh data directory: one FireSync and one
 * browser for the class, the journeys in order (later ones use the banks linked by earlier ones). Each journey leaves
 * a screenshot in {@code target/dashboard-screenshots}.
 */
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
@Tag("browser")
class DashboardBrowserTests {

    static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    static final List<String> PAGES = List.of("overview", "connections", "accounts", "transactions", "activity",
            "admin");

    @TempDir
    static Path dir;

    FireSyncProcess fireSync;

    Browser browser;

    Http http;

    String origin;

    String adminToken;

    @BeforeAll
    void start() throws IOException {
        Path data = dir.resolve("data");
        fireSync = FireSyncProcess.startPackaged(
                Map.of("FIRESYNC_DATA_DIR", data.toString(), "ENABLE_SCHEDULED_SYNC", "false",
                        "FIRESYNC_SYNC_FRESHFOR", "0s", "FIRESYNC_SYNC_MININTERVAL", "0s", "FIRESYNC_SYNC_BACKFILL",
                        "P90D"),
                dir.resolve("firesync.log"));
        origin = "http://localhost:" + fireSync.port();
        http = Http.local(fireSync.port());
        adminToken = Files.readString(data.resolve("admin-token")).strip();
        browser = new Browser(SCREENSHOTS);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (fireSync != null) {
            fireSync.close();
        }
    }

    @Test
    @Order(1)
    void aWrongTokenShowsTheProblemDetailOnTheSignInForm() {
        browser.open(origin + "/");
        WebElement token = browser.shown("#token");
        browser.screenshot("sign-in");
        token.sendKeys("fsk_not-a-token", Keys.ENTER);

        WebElement error = browser.shown("#sign-in-error");
        String detail = http.get("/api/tokens", "fsk_not-a-token").json().get("detail").asString();
        assertThat(error.getText()).isEqualTo(detail).isNotBlank();
        assertThat(browser.find("#nav").isDisplayed()).isFalse();
        assertThat(browser.script("return sessionStorage.getItem('firesync.token')")).isNull();
        browser.screenshot("sign-in-error");
    }

    @Test
    @Order(2)
    void signsInWithATokenKeptInTheTabOnlyAndSignsOut() {
        signIn();

        assertThat(browser.script("return sessionStorage.getItem('firesync.token')")).isEqualTo(adminToken);
        assertThat(browser.script("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(adminToken).doesNotContain("fsk_");
        assertThat(browser.find("#nav-admin").isDisplayed()).isTrue();
        overviewShowsEverySection();
        browser.screenshot("signed-in");

        browser.find("#sign-out").click();
        browser.shown("#sign-in-form");
        assertThat(browser.script("return sessionStorage.getItem('firesync.token')")).isNull();
        assertThat(browser.find("#page").isDisplayed()).isFalse();
    }

    @Test
    @Order(3)
    void connectsTheDemoBankThroughTheWebviewAndComesBackToItsAccounts() {
        signIn();
        go("connections");
        browser.shown("#connect-bank").click();
        browser.shown("#connect-choice");
        browser.screenshot("connect-choice");
        browser.shown("#connect-powens").click();

        browser.until(d -> d.getCurrentUrl().contains("/sandbox/webview/"));
        browser.screenshot("webview");
        webviewForm("Demo Bank", "alice", "secret");
        browser.shown("#dashboard").click();

        browser.until(d -> d.getCurrentUrl().endsWith("#/accounts"));
        WebElement account = browser.until(d -> d.findElement(By.cssSelector("#accounts .account")));
        assertThat(account.getText()).isNotBlank();
        assertThat(browser.find("#accounts").getText()).contains("Demo Bank");
        browser.screenshot("accounts");
    }

    @Test
    @Order(4)
    void syncNowShowsTheDecisionWithTheKeyboardAlone() {
        connectionsJourney(true);
        browser.screenshot("connections");
        overviewShowsEverySection();
        browser.screenshotWholePage("overview");
    }

    @Test
    @Order(5)
    void aSyncEventAppearsOnTheActivityPageWithoutReloading() {
        signIn();
        go("activity");
        String state = browser.until(d -> browser.find("#activity-state").getText().startsWith("Live")
                || !browser.all("#page .problem").isEmpty() ? browser.find("#page").getText() : null);
        assertThat(state).contains("Live:");
        browser.script("window.notReloaded = true");
        long connectionId = firstConnection();

        // a sync from elsewhere (the API here); one still applying the last webhook answers in_progress: try again
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> http.post("/api/sync/intelligent/connection/" + connectionId + "?force=true", adminToken,
                        "application/json", "").json().get("data").get("decision").asString(), "synced"::equals);

        WebElement event = browser.until(d -> d.findElement(By.cssSelector("#events .type-sync-completed")));
        assertThat(event.getText()).contains("Connection " + connectionId);
        assertThat(browser.script("return window.notReloaded === true")).isEqualTo(true);
        browser.screenshot("activity");
    }

    /**
     * The Test Bank's {@code sca:1}: one transaction listing goes through, the next trips strong authentication at the
     * bank, and the sync after that finds the bank waiting for the user. A reconnect starts the count over, so the
     * sync it starts (one listing) leaves the bank healthy whether the bank's webhook reaches FireSync before or after
     * it ({@code sca:0} would trip again at that sync, and a webhook sent after it would say so).
     */
    @Test
    @Order(6)
    void aTestBankConnectionNeedingTheUserShowsReconnectAndIsHealthyAfterIt() {
        signIn();
        int before = http.get("/api/sync/status", adminToken).json().get("data").size();
        go("connections");
        connectThroughPowens();
        browser.until(d -> d.getCurrentUrl().contains("/sandbox/webview/"));
        webviewForm("Test Bank", "sca:1", "secret");
        browser.shown("#dashboard").click();
        browser.until(d -> d.getCurrentUrl().endsWith("#/accounts"));
        long sca = Awaitility.await().atMost(Duration.ofSeconds(30)).until(this::newestSyncedConnection, id -> id > 0);

        go("connections");
        browser.until(d -> browser.all("#connections .connection").size() == before + 1);
        String card = "[data-connection='" + sca + "']";
        browser.find(card + " .sync-now").click();
        // the first press's listing trips strong authentication and the next one finds the bank waiting; a press
        // while the first sync's webhook is applied answers "skipped: a sync of this bank is already running"
        WebElement reconnect = browser.until(d -> {
            if (!browser.all(card + " .reconnect").isEmpty()) {
                return browser.find(card + " .reconnect");
            }
            String decision = browser.find(card + " .decision").getText();
            if (!decision.isBlank() && !decision.startsWith("Syncing")) {
                browser.find(card + " .sync-now").click();
            }
            return null;
        });
        assertThat(browser.find("[data-connection='" + sca + "'] .state").getText()).contains("reconnect");
        assertThat(browser.find("[data-connection='" + sca + "'] .decision").getText()).isNotBlank();
        browser.screenshot("connections-reconnect");

        reconnect.click();
        browser.until(d -> d.getCurrentUrl().contains("/sandbox/webview/"));
        webviewForm(null, "user", "secret");
        browser.shown("#dashboard").click();
        browser.until(d -> d.getCurrentUrl().endsWith("#/connections"));
        browser.until(d -> {
            go("connections");
            String state = d.findElement(By.cssSelector("[data-connection='" + sca + "'] .state")).getText();
            return state.equals("Up to date") || state.equals("Syncing now") ? state : null;
        });
        assertThat(browser.all("[data-connection='" + sca + "'] .reconnect")).isEmpty();
        browser.screenshot("connections-reconnected");
    }

    @Test
    @Order(7)
    void filtersTransactionsSearchesLabelsAndLoadsMoreAsItScrolls() {
        signIn();
        go("transactions");
        browser.until(d -> browser.all("table.transactions tbody tr").size() == 50);
        browser.screenshot("transactions");

        new Select(browser.find("#filter-account")).selectByIndex(1);
        browser.find("#filters button[type=submit]").click();
        String account = new Select(browser.find("#filter-account")).getFirstSelectedOption().getText();
        browser.until(d -> browser.find("#transactions-status").getText().contains("scroll for more"));
        browser.script("document.querySelector('.sentinel').scrollIntoView()");
        browser.until(d -> browser.all("table.transactions tbody tr").size() > 50);
        assertThat(browser.all("table.transactions tbody tr")).allSatisfy(
                row -> assertThat(row.getText()).contains(account.substring(0, account.indexOf(" ("))));

        String label = browser.find("table.transactions tbody tr .label").getText();
        String part = label.substring(0, Math.min(label.length(), 4)).toUpperCase();
        browser.find("#filter-search").sendKeys(part);
        browser.find("#filter-search").sendKeys(Keys.ENTER);
        browser.until(d -> browser.find("#transactions-status").getText().contains("shown")
                && browser.all("table.transactions tbody tr .label")
                        .stream()
                        .allMatch(l -> l.getText().toUpperCase().contains(part)));
        assertThat(browser.all("table.transactions tbody tr")).isNotEmpty();
        browser.screenshot("transactions-filtered");
    }

    @Test
    @Order(8)
    void anAdminCreatesAUserAndRevokesAToken() {
        signIn();
        go("admin");
        browser.shown("#new-user-name").sendKeys("carol");
        browser.find("#create-user button").click();
        String carolToken = browser.until(d -> d.findElement(By.cssSelector("#admin-users .shown-once input"))
                .getDomProperty("value"));
        assertThat(carolToken).startsWith("fsk_");
        assertThat(http.get("/api/accounts", carolToken).status()).isEqualTo(200);
        WebElement carol = browser.until(d -> d.findElements(By.cssSelector("#user-list li"))
                .stream()
                .filter(li -> li.getText().startsWith("carol"))
                .findFirst()
                .orElse(null));
        carol.findElement(By.cssSelector(".issue")).click();
        String another = browser.until(d -> {
            String shown = d.findElement(By.cssSelector("#admin-users .shown-once input")).getDomProperty("value");
            return carolToken.equals(shown) ? null : shown;
        });
        assertThat(http.get("/api/accounts", another).status()).isEqualTo(200);

        browser.find("#issue-token").click();
        String extra = browser.until(d -> d.findElement(By.cssSelector("#admin-tokens .shown-once input"))
                .getDomProperty("value"));
        assertThat(http.get("/api/tokens", extra).status()).isEqualTo(200);
        WebElement row = browser.until(d -> d.findElements(By.cssSelector("#token-list li"))
                .stream()
                .filter(li -> li.getText().contains(extra.substring(0, 8)))
                .findFirst()
                .orElse(null));
        row.findElement(By.cssSelector(".revoke")).click();
        browser.until(d -> d.findElement(By.cssSelector("#admin-tokens")).getText().contains("revoked"));
        assertThat(http.get("/api/tokens", extra).status()).isEqualTo(401);
        assertThat(browser.find("#job-list").getText()).contains("periodicSync", "dailyCleanup");
        assertThat(browser.find("#health-status").getText()).isIn("healthy", "degraded", "unhealthy");
        assertThat(browser.find("#prometheus").getAttribute("href")).isEqualTo(origin + "/actuator/prometheus");

        browser.find("[data-job='healthCheck'] .trigger").click();
        browser.until(d -> d.findElement(By.cssSelector("#admin-jobs")).getText().contains("healthCheck queued"));
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("admin");
    }

    @Test
    @Order(9)
    void noPageHasASeriousOrCriticalAccessibilityViolation() {
        signIn();
        List<String> violations = new ArrayList<>();
        for (String page : PAGES) {
            go(page);
            settle();
            browser.seriousAccessibilityViolations().forEach(v -> violations.add(page + ": " + v));
        }
        browser.find("#sign-out").click();
        browser.shown("#sign-in-form");
        browser.seriousAccessibilityViolations().forEach(v -> violations.add("sign-in: " + v));

        assertThat(violations).isEmpty();
    }

    @Test
    @Order(10)
    void signInOverviewAndConnectionsWorkAt360PixelsWithoutScrollingSideways() {
        browser.narrow();
        try {
            browser.open(origin + "/");
            browser.script("sessionStorage.clear()");
            browser.open(origin + "/");
            browser.shown("#token");
            assertThat(browser.scrollsSideways()).as("sign-in").isFalse();
            signIn();
            overviewShowsEverySection();
            assertThat(browser.scrollsSideways()).as("overview").isFalse();
            browser.screenshot("narrow-overview");
            connectionsJourney(false);
            assertThat(browser.scrollsSideways()).as("connections").isFalse();
            browser.screenshot("narrow-connections");
            for (String page : PAGES) {
                go(page);
                settle();
                assertThat(browser.scrollsSideways()).as(page).isFalse();
            }
        } finally {
            browser.wide();
        }
    }

    @Test
    @Order(11)
    void everyRequestWhileWalkingAllPagesGoesToTheAppsOwnOrigin() {
        browser.requests();
        browser.open(origin + "/");
        signIn();
        for (String page : PAGES) {
            go(page);
            settle();
        }
        go("connections");
        connectThroughPowens();
        browser.until(d -> d.getCurrentUrl().contains("/sandbox/webview/"));
        webviewForm("Demo Bank", "bob", "secret");
        browser.shown("#dashboard").click();
        browser.until(d -> d.getCurrentUrl().endsWith("#/accounts"));

        // data: URLs are not requests to any origin (Chromium's own date input draws its calendar icon with one)
        List<String> requests = browser.requests().stream().filter(url -> !url.startsWith("data:")).toList();
        assertThat(requests).hasSizeGreaterThan(20)
                .anyMatch(url -> url.startsWith(origin + "/webjars/"))
                .anyMatch(url -> url.startsWith(origin + "/api/transactions"))
                .allMatch(url -> url.startsWith(origin + "/") || url.startsWith("ws://localhost:" + fireSync.port()
                        + "/"), "goes to " + origin);
    }

    @Test
    @Order(12)
    void connectsABankThroughEnableBankingsAuthorisationPageAndComesBackToItsAccounts() {
        signIn();
        go("connections");
        browser.shown("#connect-bank").click();
        browser.shown("#eb-country").sendKeys("fr");
        browser.find("#eb-find").click();
        String bank = http.get("/api/providers/enablebanking/banks?country=FR", adminToken).json().get("data").get(0)
                .get("name").asString();
        browser.until(d -> d.findElement(By.cssSelector("#eb-bank option")));
        new Select(browser.find("#eb-bank")).selectByVisibleText(bank);
        browser.find("#connect-enablebanking").click();

        browser.until(d -> d.getCurrentUrl().contains("/sandbox/enablebanking/"));
        browser.driver().findElement(By.name("login")).sendKeys("carol");
        browser.driver().findElement(By.name("password")).sendKeys("secret");
        browser.driver().findElement(By.cssSelector("button[value=authorize]")).click();
        browser.shown("#dashboard").click();

        browser.until(d -> d.getCurrentUrl().endsWith("#/accounts"));
        JsonNode enableBanking = browser.until(d -> {
            for (JsonNode status : http.get("/api/sync/status", adminToken).json().get("data")) {
                if (status.get("provider").asString().equals("enablebanking")
                        && !status.get("lastSuccessAt").isNull()) {
                    return status;
                }
            }
            return null;
        });
        assertThat(enableBanking.get("bank").asString()).isEqualTo(bank);
        go("connections");
        String shown = browser.until(d -> d
                .findElement(By.cssSelector("[data-connection='" + enableBanking.get("connectionId").asLong() + "']"))
                .getText());
        assertThat(shown).contains("(" + enableBanking.get("consentDaysLeft").asLong() + " days left)")
                .contains("Syncs without you left today");
        go("accounts");
        browser.until(d -> d.findElement(By.id("accounts")).getText().contains(bank));
    }

    private void signIn() {
        if (browser.driver().getCurrentUrl() == null || !browser.driver().getCurrentUrl().startsWith(origin)) {
            browser.open(origin + "/");
        }
        if (browser.script("return sessionStorage.getItem('firesync.token')") != null) {
            return;
        }
        WebElement token = browser.shown("#token");
        token.clear();
        token.sendKeys(adminToken, Keys.ENTER);
        browser.shown("#nav");
        browser.until(d -> "overview".equals(browser.find("#page").getDomAttribute("data-page")));
    }

    private void go(String page) {
        browser.script("location.hash = '#/' + arguments[0]", page);
        browser.until(d -> page.equals(browser.find("#page").getDomAttribute("data-page")));
    }

    /** Waits until the page has loaded what it shows (no "Loading…" left). */
    private void settle() {
        browser.until(d -> browser.find("#page").getText().contains("Loading") ? null : true);
    }

    private void overviewShowsEverySection() {
        go("overview");
        for (String section : List.of("#net-worth", "#fire", "#savings-rate", "#freshness")) {
            browser.until(d -> {
                String text = browser.find(section).getText();
                return !text.isBlank() && !text.contains("Loading");
            });
        }
        assertThat(browser.find("#fire-form").isDisplayed()).isTrue();
    }

    /**
     * Sync now on the first connection, reading the decision; with the keyboard, from the top of the page through the
     * skip link, the navigation and every control before the button, as a keyboard user would.
     */
    private void connectionsJourney(boolean keyboard) {
        signIn();
        go("connections");
        long id = firstConnection();
        WebElement button = browser
                .until(d -> d.findElement(By.cssSelector("[data-connection='" + id + "'] .sync-now")));
        if (keyboard) {
            browser.script("document.activeElement.blur(); window.scrollTo(0, 0)");
            List<String> focused = new ArrayList<>();
            for (int tab = 0; tab < 40 && !button.equals(browser.driver().switchTo().activeElement()); tab++) {
                new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
                focused.add(browser.driver().switchTo().activeElement().getText());
            }
            assertThat(focused).contains("Skip to the page", "Overview", "Connections", "Admin", "Connect a bank");
            assertThat(browser.driver().switchTo().activeElement()).isEqualTo(button);
            new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        } else {
            button.click();
        }
        String decision = browser.until(d -> {
            String text = d.findElement(By.cssSelector("[data-connection='" + id + "'] .decision")).getText();
            return text.startsWith("synced") || text.startsWith("skipped") || text.startsWith("failed") ? text : null;
        });
        assertThat(decision).matches("(synced: \\d+ accounts, .*|skipped: .+)");
    }

    /** Opens the connect choice and picks Powens, whose webview lets the user pick the bank. */
    private void connectThroughPowens() {
        browser.shown("#connect-bank").click();
        browser.shown("#connect-powens").click();
    }

    private void webviewForm(String bank, String login, String password) {
        if (bank != null) {
            browser.driver().findElement(By.xpath("//label[contains(., '" + bank + "')]/input")).click();
        }
        browser.driver().findElement(By.name("login")).sendKeys(login);
        browser.driver().findElement(By.name("password")).sendKeys(password);
        browser.driver().findElement(By.cssSelector("button[value=connect]")).click();
    }

    private long firstConnection() {
        JsonNode statuses = http.get("/api/sync/status", adminToken).json().get("data");
        return statuses.get(0).get("connectionId").asLong();
    }

    /** The newest connection once its first sync succeeded, else 0. */
    private long newestSyncedConnection() {
        long newest = 0;
        boolean synced = false;
        for (JsonNode status : http.get("/api/sync/status", adminToken).json().get("data")) {
            if (status.get("connectionId").asLong() > newest) {
                newest = status.get("connectionId").asLong();
                synced = !status.get("lastSuccessAt").isNull();
            }
        }
        return synced ? newest : 0;
    }
}
