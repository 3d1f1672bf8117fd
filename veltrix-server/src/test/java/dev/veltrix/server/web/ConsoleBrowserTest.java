package dev.veltrix.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.server.TestNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import java.time.Duration;

/** The console and the portal in a real browser, the way an operator and a player use them. */
class ConsoleBrowserTest {
    private static TestNode node;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        node = TestNode.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (node != null) {
            node.close();
        }
    }

    private static void fill(WebDriver driver, String name, String value) {
        var field = driver.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    /**
     * htmx swaps pages asynchronously: wait until the element shows the text and read it in the same
     * look-up, so a swap landing between finding and reading cannot leave a stale element behind.
     */
    private static String awaitText(By where, String text) {
        return awaitText(where, text, Duration.ofSeconds(10));
    }

    private static String awaitText(By where, String text, Duration patience) {
        return new WebDriverWait(browser, patience)
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    String shown = driver.findElement(where).getText();
                    return shown.contains(text) ? shown : null;
                });
    }

    private static void submit(WebDriver driver) {
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    }


    @Test
    void theOwnerSignsInChangesTheSetupPasswordAndRunsTheEconomy() throws Exception {
        browser.get(node.baseUrl + "/console");
        assertThat(browser.getCurrentUrl()).endsWith("/console/login");

        fill(browser, "username", "owner");
        fill(browser, "password", "wrong-password-123");
        submit(browser);
        assertThat(awaitText(By.cssSelector(".error"), "Wrong username or password")).isNotBlank();

        fill(browser, "username", "owner");
        fill(browser, "password", node.ownerPassword);
        submit(browser);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/console/password"));
        fill(browser, "password", "short");
        browser.executeScript("document.querySelector('input[name=password]').removeAttribute('minlength')");
        submit(browser);
        assertThat(awaitText(By.cssSelector(".error"), "12")).contains("must be 12 to 200 characters long");
        fill(browser, "password", "correct horse battery staple");
        submit(browser);
        assertThat(awaitText(By.tagName("h1"), "Welcome")).isEqualTo("Welcome, owner");

        browser.get(node.baseUrl + "/console/currencies");
        fill(browser, "code", "gems");
        fill(browser, "name", "Gems");
        fill(browser, "decimals", "2");
        browser.findElement(By.cssSelector("form.row button")).click();
        assertThat(awaitText(By.id("currencies"), "gems")).contains("Gems");

        browser.get(node.baseUrl + "/console/keys");
        fill(browser, "name", "survival-1");
        browser.findElement(By.cssSelector("main section:last-of-type form button")).click();
        assertThat(awaitText(By.id("created-token"), "vx_")).matches("vx_[a-z0-9]{12}_[A-Za-z0-9_-]{43}");
        assertThat(browser.findElement(By.id("keys")).getText()).contains("survival-1");

        String player = "player:" + UUID.randomUUID();
        browser.get(node.baseUrl + "/console/transfers");
        fill(browser, "to", player);
        new Select(browser.findElement(By.name("currency"))).selectByValue("gems");
        fill(browser, "amount", "500");
        submit(browser);
        assertThat(awaitText(By.cssSelector(".notice"), "Posted 500 gems")).contains(player);

        browser.get(node.baseUrl + "/console/accounts?account=" + player);
        assertThat(browser.findElement(By.id("balances")).getText()).as("500 minor units of a 2-decimal currency").contains("gems").contains("5.00");
        assertThat(browser.findElement(By.id("history")).getText()).contains("system:issuance");
        Browser.screenshot(browser, "console-account");

        browser.get(node.baseUrl + "/console");
        assertThat(browser.findElement(By.tagName("table")).getText()).contains("gems").contains("5.00");
        Browser.screenshot(browser, "console-overview");

        node.createCoinsIfAbsent();
        node.put("/api/v1/market/items/diamond", "{\"name\":\"Diamond\",\"currency\":\"coins\",\"model\":\"DEMAND\","
                + "\"basePrice\":100,\"sensitivity\":0.01}");
        UUID buyer = UUID.randomUUID();
        node.fund(buyer, 10_000);
        node.post("/api/v1/market/items/diamond/trades", "{\"player\":\"" + buyer + "\",\"side\":\"BUY\",\"quantity\":10}",
                UUID.randomUUID().toString());

        browser.get(node.baseUrl + "/console/economy?currency=coins");
        awaitChart("chart-supply");
        assertThat(browser.findElement(By.id("flows")).getText()).contains("issuance").contains("market");
        assertThat(browser.findElement(By.id("levers")).getText()).contains("Transfer tax");
        Browser.screenshot(browser, "console-economy");

        browser.get(node.baseUrl + "/console/market?item=diamond");
        assertThat(browser.findElement(By.id("items")).getText()).contains("Diamond").contains("110.00");
        awaitChart("chart-price");

        node.put("/api/v1/claims/worlds/world", "{}");
        UUID owner = UUID.randomUUID();
        node.post("/api/v1/claims", "{\"world\":\"world\",\"owner\":\"" + owner + "\",\"x1\":0,\"z1\":0,\"x2\":9,\"z2\":9}", null);
        node.post("/api/v1/claims", "{\"world\":\"world\",\"x1\":100,\"z1\":40,\"x2\":159,\"z2\":79}", null);
        node.post("/api/v1/claims/incidents", "{\"incidents\":[{\"player\":\"" + UUID.randomUUID()
                + "\",\"action\":\"BUILD\",\"world\":\"world\",\"x\":5,\"y\":64,\"z\":5}]}", null);
        browser.get(node.baseUrl + "/console/claims");
        // Every claim of the world is drawn (the portal test, sharing this node, may have added one).
        String heading = browser.findElement(By.cssSelector("#claim-map")).findElement(By.xpath("..")).findElement(By.tagName("h2")).getText();
        String claimCount = heading.replaceAll(".*: (\\d+) claims.*", "$1");
        assertThat(Integer.parseInt(claimCount)).isGreaterThanOrEqualTo(2);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                claimCount.equals(driver.findElement(By.id("claim-map")).getAttribute("data-claims-drawn")));
        assertThat(browser.findElement(By.id("probers")).getText()).contains(owner.toString());
        Browser.screenshot(browser, "console-claims");
        browser.findElement(By.cssSelector("#claim-list a")).click();
        assertThat(awaitText(By.id("claim-detail"), "Owner")).contains("Corners");

        node.post("/api/v1/servers", "{\"name\":\"lobby-1\",\"group\":\"lobby\",\"address\":\"10.0.0.1:25565\",\"capacity\":100}", null);
        node.post("/api/v1/servers/lobby-1/heartbeat", "{\"players\":42,\"tps\":19.8,\"memoryMb\":3000}", null);
        browser.get(node.baseUrl + "/console/network");
        assertThat(awaitText(By.id("network"), "lobby-1")).contains("42 / 100", "up", "19.8");
        node.put("/api/v1/servers/lobby-1/maintenance", "{\"maintenance\":true}");
        // The page refreshes itself every 5 seconds; no reload here.
        assertThat(awaitText(By.id("network"), "maintenance", Duration.ofSeconds(15))).contains("lobby-1");

        // A backup on request: written, restored into a scratch database, its books checked there.
        browser.get(node.baseUrl + "/console/backups");
        assertThat(awaitText(By.id("last-verified"), "No backup")).isNotBlank();
        browser.findElement(By.id("backup-now")).click();
        assertThat(awaitText(By.id("backup-notice"), "restore drill passed")).isNotBlank();
        assertThat(browser.findElement(By.id("backup-runs")).getText()).contains(".vxb", "passed at");
        assertThat(node.get("/metrics").body()).containsPattern("veltrix_backup_last_verified_timestamp_seconds [1-9]");

        browser.manage().deleteAllCookies();
        browser.get(node.baseUrl + "/market/diamond");
        assertThat(browser.findElement(By.id("item-name")).getText()).isEqualTo("Diamond");
        assertThat(browser.findElement(By.id("item-price")).getText()).isEqualTo("110.00");
        awaitChart("chart-price");
        Browser.screenshot(browser, "public-price");
    }

    /** uPlot drew the chart: a canvas inside the chart element. */
    private static void awaitChart(String id) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                !driver.findElements(By.cssSelector("#" + id + " canvas")).isEmpty());
    }

    @Test
    void aPlayerSignsInToThePortalWithACodeFromTheGame() throws Exception {
        node.createCoinsIfAbsent();
        UUID player = UUID.randomUUID();
        node.post("/api/v1/transfers", "{\"from\":\"system:issuance\",\"to\":\"player:" + player
                + "\",\"currency\":\"coins\",\"amount\":1234}", UUID.randomUUID().toString());
        node.put("/api/v1/claims/worlds/world", "{}");
        node.post("/api/v1/claims", "{\"world\":\"world\",\"owner\":\"" + player + "\",\"x1\":-500,\"z1\":-500,\"x2\":-491,\"z2\":-491}", null);
        // A battle-pass season is running, and the player earned XP from a game event.
        java.time.Instant now = java.time.Instant.now();
        assertThat(node.put("/api/v1/battlepass/seasons/portal-season", "{\"name\":\"Harvest\",\"startsAt\":\"" + now.minusSeconds(60)
                + "\",\"endsAt\":\"" + now.plusSeconds(3_600) + "\",\"tiers\":{\"kind\":\"table\",\"xp\":[5,50]},"
                + "\"sources\":{\"crop.harvested\":{\"xp\":7}}}").statusCode()).isEqualTo(201);
        node.post("/api/v1/servers", "{\"name\":\"farm\",\"group\":\"survival\",\"address\":\"10.0.0.9:25565\",\"capacity\":5}", null);
        node.post("/api/v1/events", "{\"server\":\"farm\",\"events\":[{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"crop.harvested\","
                + "\"player\":\"" + player + "\",\"occurredAt\":\"" + now + "\",\"data\":{}}]}", null);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
                node.get("/api/v1/battlepass/seasons/portal-season/players/" + player).body().contains("\"xp\":7"));
        // Quest content is live and the player has today's board.
        assertThat(node.put("/api/v1/quests/content/draft", java.nio.file.Files.readString(java.nio.file.Path.of("../docs/quests-example.yaml")))
                .statusCode()).isEqualTo(200);
        assertThat(node.post("/api/v1/quests/content/publish", "{}", null).statusCode()).isEqualTo(200);
        assertThat(node.post("/api/v1/quests/players/" + player + "/board", "{\"level\":1,\"region\":\"meadow\"}", null).statusCode()).isEqualTo(200);
        String body = node.post("/api/v1/players/" + player + "/login-code", "", null).body();
        String code = body.replaceAll(".*\"code\":\"([A-Z0-9-]+)\".*", "$1");

        browser.get(node.baseUrl + "/portal");
        assertThat(browser.getCurrentUrl()).endsWith("/portal/login");
        fill(browser, "code", "WRNG-CODE");
        submit(browser);
        assertThat(awaitText(By.cssSelector(".error"), "unknown, used or expired")).isNotBlank();

        fill(browser, "code", code.toLowerCase().replace("-", ""));
        submit(browser);
        assertThat(awaitText(By.tagName("main"), "player:" + player)).isNotBlank();
        assertThat(awaitText(By.id("balances"), "1234")).contains("coins");
        assertThat(browser.findElement(By.id("my-claims")).getText()).contains("world", "-500, -500", "100");
        assertThat(browser.findElement(By.id("claim-blocks")).getText()).startsWith("0 claim blocks available (100 in use");
        assertThat(browser.findElement(By.id("claim-expiry")).getText()).contains("or your claims expire");
        assertThat(browser.findElement(By.id("pass-tier")).getText()).contains("Tier 1 of 2 with 7 XP", "tier 2 at 50 XP");
        assertThat(browser.findElement(By.id("pass-xp")).getText()).contains("crop.harvested", "7");
        assertThat(browser.findElement(By.id("my-quests")).getText()).contains("Meet the hunter", "talk hunter 0/1", "Ore run", "mine iron-ore 0/20");
        Browser.screenshot(browser, "portal-home");

        browser.manage().deleteAllCookies();
        browser.get(node.baseUrl + "/portal/login");
        fill(browser, "code", code);
        submit(browser);
        assertThat(awaitText(By.cssSelector(".error"), "unknown, used or expired")).as("a code works once").isNotBlank();
    }

    @Test
    void aFormPostedWithoutItsSecurityTokenIsRefused() {
        var response = node.send(HttpRequest.newBuilder(URI.create(node.baseUrl + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=owner&password=" + node.ownerPassword)).build());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("veltrix_console="));
    }
}
