package dev.veltrix.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.server.TestNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A content designer in Chromium: imports the example content, sees it drawn as a graph, breaks an objective and sees
 * the problem on its node with the draft untouched, fixes it, previews a sample player's board and publishes.
 */
class QuestEditorBrowserTest {
    private static ChromeDriver browser;
    private static TestNode node;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        node = TestNode.start();
        node.createCoins();
        Browser.signInAsOwner(browser, node);
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.closeAll(browser == null ? null : browser::quit, node);
    }

    private static long graphCount(String selector) {
        return (Long) browser.executeScript("return window.questGraph ? window.questGraph.elements(arguments[0]).length : -1;", selector);
    }

    @Test
    void theDesignerEditsTheGraphSeesProblemsOnTheirNodesAndPublishes() throws Exception {
        browser.get(node.baseUrl + "/console/quests");
        Browser.awaitText(browser, By.tagName("h1"), "Quests");
        var file = browser.findElement(By.name("file"));
        browser.executeScript("arguments[0].value = arguments[1];", file, Files.readString(Path.of("../docs/quests-example.yaml")));
        browser.findElement(By.id("import")).click();
        Browser.awaitText(browser, By.id("quests-notice"), "Saved as the draft");
        new WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(d -> graphCount("node") == 22);
        assertThat(graphCount("edge")).isEqualTo(19);

        // A click on an objective fills the form; pointing it at a mob that does not exist is refused, drawn on the node.
        browser.executeScript("window.questGraph.getElementById('kill-wolves').emit('tap');");
        assertThat(browser.findElement(By.cssSelector("#node-form input[name=target]")).getAttribute("value")).isEqualTo("wolf");
        assertThat(new Select(browser.findElement(By.cssSelector("#node-form select[name=kind]"))).getFirstSelectedOption().getText()).isEqualTo("kill");
        var target = browser.findElement(By.cssSelector("#node-form input[name=target]"));
        target.clear();
        target.sendKeys("werewolf");
        browser.findElement(By.id("save-node")).click();
        Browser.awaitText(browser, By.id("problems"), "no mob werewolf");
        new WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(d -> graphCount("node.problem") == 1);
        assertThat((String) browser.executeScript("return window.questGraph.nodes('.problem').first().id();")).isEqualTo("kill-wolves");
        assertThat(browser.findElement(By.id("quests-error")).getText()).contains("The draft is as it was");
        screenshot("console-quest-editor-problem");

        // Fixed: a new objective for the wolf hunt, linked with a has edge.
        browser.get(node.baseUrl + "/console/quests");
        new WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(d -> graphCount("node") == 22);
        fill("id", "skin-wolves");
        new Select(browser.findElement(By.cssSelector("#node-form select[name=type]"))).selectByValue("objective");
        new Select(browser.findElement(By.cssSelector("#node-form select[name=kind]"))).selectByValue("collect");
        fill("target", "wolf-pelt");
        fill("count", "2");
        browser.findElement(By.id("save-node")).click();
        Browser.awaitText(browser, By.id("problems"), "belongs to no quest");
        browser.get(node.baseUrl + "/console/quests");
        var from = browser.findElement(By.cssSelector("#edge-form input[name=from]"));
        from.sendKeys("wolf-hunt");
        new Select(browser.findElement(By.cssSelector("#edge-form select[name=type]"))).selectByValue("has");
        browser.findElement(By.cssSelector("#edge-form input[name=to]")).sendKeys("kill-wolves");
        browser.findElement(By.id("delete-edge")).click();
        Browser.awaitText(browser, By.id("problems"), "the objective belongs to no quest");

        // The preview: a level-6 player in the forest who finished the intro gets the wolf hunt.
        browser.get(node.baseUrl + "/console/quests");
        var level = browser.findElement(By.cssSelector("#preview-form input[name=level]"));
        level.clear();
        level.sendKeys("6");
        browser.findElement(By.cssSelector("#preview-form input[name=region]")).sendKeys("forest");
        browser.findElement(By.cssSelector("#preview-form input[name=completed]")).sendKeys("intro");
        browser.findElement(By.id("run-preview")).click();
        String preview = Browser.awaitText(browser, By.id("preview"), "wolf-hunt");
        assertThat(preview).contains("kill 11 × wolf", "deliver 4 × wolf-pelt to hunter", "150 coins");

        browser.findElement(By.id("publish")).click();
        Browser.awaitText(browser, By.id("quests-notice"), "The draft is live");
        assertThat(browser.findElement(By.id("versions")).getText()).contains("published");
    }

    private static void fill(String name, String value) {
        var input = browser.findElement(By.cssSelector("#node-form [name=" + name + "]"));
        input.clear();
        input.sendKeys(value);
    }

    private static void screenshot(String name) throws Exception {
        Path out = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(out.getParent());
        Files.write(out, browser.getScreenshotAs(OutputType.BYTES));
    }
}
