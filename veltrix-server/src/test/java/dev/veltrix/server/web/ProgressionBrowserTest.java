package dev.veltrix.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.server.TestNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/** An operator creates a hunt and a season in the console: a broken definition lists its problems, a good one shows its map and tiers. */
class ProgressionBrowserTest {
    private static ChromeDriver browser;
    private static TestNode node;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        node = TestNode.start();
        node.createCoins();
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.closeAll(browser == null ? null : browser::quit, node);
    }

    @Test
    void theOperatorCreatesAHuntAndASeasonAndSeesTheMapAndTheTiers() throws Exception {
        Browser.signInAsOwner(browser, node);
        browser.get(node.baseUrl + "/console/progression");
        define("winter", "{\"name\":\"\",\"startsAt\":\"2026-12-01T00:00:00Z\",\"endsAt\":\"2026-11-01T00:00:00Z\",\"treasures\":[{\"id\":\"a\","
                + "\"clue\":\"x\",\"world\":\"world\",\"radius\":0}]}", "hunts");
        String problems = Browser.awaitText(browser, By.id("problems"), "treasures[0].world");
        assertThat(problems).contains("name", "endsAt");

        Instant now = Instant.now();
        define("winter", "{\"name\":\"Winter hunt\",\"startsAt\":\"" + now + "\",\"endsAt\":\"" + now.plusSeconds(86_400) + "\",\"treasures\":["
                + "{\"id\":\"bell\",\"clue\":\"Where the bells ring\",\"world\":\"world\",\"x\":100,\"y\":64,\"z\":-20,\"radius\":5,\"winners\":3},"
                + "{\"id\":\"star\",\"clue\":\"On the tallest tree\",\"world\":\"world\",\"x\":-40,\"y\":90,\"z\":60,\"radius\":8},"
                + "{\"id\":\"gift\",\"clue\":\"In a chest\",\"item\":\"hunt:gift\"}]}", "hunts");
        Browser.awaitText(browser, By.tagName("h1"), "Winter hunt");
        assertThat(browser.findElements(By.cssSelector("#treasure-map g.treasure"))).extracting(e -> e.getAttribute("data-id"))
                .containsExactly("bell", "star");
        assertThat(browser.findElement(By.id("treasures")).getText()).contains("item hunt:gift", "Where the bells ring");
        screenshot("console-hunt");

        browser.get(node.baseUrl + "/console/progression");
        define("frost", "{\"name\":\"Frost\",\"startsAt\":\"" + now + "\",\"endsAt\":\"" + now.plusSeconds(86_400)
                + "\",\"tiers\":{\"kind\":\"geometric\",\"base\":100,\"ratio\":1.5,\"count\":4},\"rewards\":[{\"tier\":2,\"track\":\"premium\","
                + "\"cosmetic\":\"ice-wings\"}],\"sources\":{\"mob.killed\":{\"xp\":10,\"dailyCap\":200}}}", "seasons");
        Browser.awaitText(browser, By.tagName("h1"), "Frost");
        assertThat(browser.findElement(By.id("tiers")).getText()).contains("100", "150", "225", "338", "ice-wings");
        assertThat(browser.findElement(By.id("sources")).getText()).contains("mob.killed", "200");
    }

    private static void define(String id, String json, String what) {
        var idField = browser.findElement(By.name("id"));
        idField.clear();
        idField.sendKeys(id);
        var definition = browser.findElement(By.name("definition"));
        definition.clear();
        // Typing a long text key by key is slow; the field is set as a user pasting it would.
        browser.executeScript("arguments[0].value = arguments[1];", definition, json);
        if (what.equals("hunts")) {
            browser.findElement(By.cssSelector("#new-definition button[formaction='/console/progression/hunts']")).click();
        } else {
            browser.findElement(By.cssSelector("#new-definition button:not([formaction])")).click();
        }
    }

    private static void screenshot(String name) throws Exception {
        Path out = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(out.getParent());
        Files.write(out, browser.getScreenshotAs(OutputType.BYTES));
    }
}
