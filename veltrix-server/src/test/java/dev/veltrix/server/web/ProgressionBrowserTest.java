package dev.veltrix.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An operator in Chromium builds seasons, hunts and quest content in the console: broken definitions list their
 * problems beside what they concern (rows, map, graph nodes), good ones show their tiers, map and graph.
 */
class ProgressionBrowserTest extends SignedInConsole {
    @Test
    void theOperatorCreatesAHuntAndASeasonAndSeesTheMapAndTheTiers() throws Exception {
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
        Browser.screenshot(browser, "console-hunt");

        browser.get(node.baseUrl + "/console/progression");
        define("frost", "{\"name\":\"Frost\",\"startsAt\":\"" + now + "\",\"endsAt\":\"" + now.plusSeconds(86_400)
                + "\",\"tiers\":{\"kind\":\"geometric\",\"base\":100,\"ratio\":1.5,\"count\":4},\"rewards\":[{\"tier\":2,\"track\":\"premium\","
                + "\"cosmetic\":\"ice-wings\"}],\"sources\":{\"mob.killed\":{\"xp\":10,\"dailyCap\":200}}}", "seasons");
        Browser.awaitText(browser, By.tagName("h1"), "Frost");
        assertThat(browser.findElement(By.id("tiers")).getText()).contains("100", "150", "225", "338", "ice-wings");
        assertThat(browser.findElement(By.id("sources")).getText()).contains("mob.killed", "200");
    }

    @Test
    void theOperatorBuildsASeasonInTheEditorFixesWhatItPointsOutAndEditsItBeforeItStarts() throws Exception {
        openEditor("new-season", "New season", "thaw", "Thaw", Duration.ofDays(60), Duration.ofDays(30));
        field("count", 0, "5");
        reward(0, "1", "free", "currency", "gems", "10");
        reward(1, "2", "premium", "command", "give {player} gem {order}", "");
        field("source.event", 0, "mob.killed");
        field("source.xp", 0, "ten");
        browser.findElement(By.id("save-season")).click();
        String problems = Browser.awaitText(browser, By.id("problems"), "rewards[0].currency");
        assertThat(problems).contains("no currency gems", "rewards[1].command: unknown placeholder {order}", "sources.mob.killed.xp: a whole number");
        assertThat(browser.findElements(By.cssSelector("#problems li"))).as("each problem once").hasSize(3);
        assertThat(browser.findElements(By.cssSelector("#reward-rows tr.has-problem"))).hasSize(2);
        assertThat(browser.findElements(By.name("reward.value")).get(1).getAttribute("value")).as("the draft as typed").isEqualTo("give {player} gem {order}");
        Browser.screenshot(browser, "console-season-editor-problems");

        field("reward.value", 0, "coins");
        field("reward.value", 1, "give {player} gem {tier}");
        field("source.xp", 0, "10");
        int rows = browser.findElements(By.name("reward.tier")).size();
        browser.findElement(By.cssSelector("[data-add-row='reward-rows']")).click();
        assertThat(browser.findElements(By.name("reward.tier"))).hasSize(rows + 1);
        reward(rows, "3", "premium", "item", "hytale:gem", "2");
        browser.findElement(By.id("save-season")).click();
        Browser.awaitText(browser, By.tagName("h1"), "Thaw");
        assertThat(browser.findElement(By.id("tiers")).getText()).contains("10 coins", "/give {player} gem {tier}", "2 × hytale:gem");

        browser.findElement(By.id("edit-season")).click();
        Browser.awaitText(browser, By.tagName("h1"), "Edit season thaw");
        assertThat(browser.findElements(By.name("reward.value")).get(2).getAttribute("value")).isEqualTo("hytale:gem");
        field("name", 0, "Thaw, the sequel");
        browser.findElement(By.id("save-season")).click();
        Browser.awaitText(browser, By.tagName("h1"), "Thaw, the sequel");
        assertThat(browser.findElement(By.id("sources")).getText()).contains("mob.killed", "10");
    }

    @Test
    void theOperatorPlacesAHuntsTreasuresOnTheMapAndEditsTheHuntBeforeItStarts() throws Exception {
        openEditor("new-hunt", "New hunt", "lanterns", "Lantern hunt", Duration.ofDays(30), Duration.ofDays(2));
        field("treasure.id", 0, "gate");
        field("treasure.clue", 0, "By the old gate");
        field("treasure.x", 0, "10");
        field("treasure.z", 0, "20");
        assertThat(browser.findElements(By.cssSelector("#editor-map g.treasure"))).extracting(e -> e.getAttribute("data-id")).containsExactly("gate");

        // The second treasure is placed with a click on the map, to the south-east of the first.
        field("treasure.id", 1, "well");
        field("treasure.clue", 1, "At the well");
        field("treasure.currency", 1, "gems");
        field("treasure.amount", 1, "5");
        WebElement map = browser.findElement(By.id("editor-map"));
        new Actions(browser).moveToElement(map, map.getSize().getWidth() / 4, map.getSize().getHeight() / 4).click().perform();
        int x = Integer.parseInt(browser.findElements(By.name("treasure.x")).get(1).getAttribute("value"));
        int z = Integer.parseInt(browser.findElements(By.name("treasure.z")).get(1).getAttribute("value"));
        assertThat(x).as("east of the gate").isGreaterThan(10);
        assertThat(z).as("south of the gate").isGreaterThan(20);
        assertThat(browser.findElements(By.cssSelector("#editor-map g.treasure"))).extracting(e -> e.getAttribute("data-id"))
                .containsExactly("gate", "well");
        browser.findElement(By.id("save-hunt")).click();
        Browser.awaitText(browser, By.id("problems"), "treasures[1].rewardCurrency: no currency gems");
        assertThat(browser.findElements(By.name("treasure.x")).get(1).getAttribute("value")).as("the draft as typed").isEqualTo(Integer.toString(x));
        Browser.screenshot(browser, "console-hunt-editor");

        field("treasure.currency", 1, "coins");
        browser.findElement(By.id("save-hunt")).click();
        Browser.awaitText(browser, By.tagName("h1"), "Lantern hunt");
        assertThat(browser.findElements(By.cssSelector("#treasure-map g.treasure"))).extracting(e -> e.getAttribute("data-id"))
                .containsExactly("gate", "well");
        assertThat(browser.findElement(By.id("treasures")).getText()).contains("world " + x + ".0, 64.0, " + z + ".0");

        browser.findElement(By.id("edit-hunt")).click();
        Browser.awaitText(browser, By.tagName("h1"), "Edit hunt lanterns");
        field("treasure.clue", 0, "Under the lantern by the gate");
        browser.findElement(By.id("save-hunt")).click();
        Browser.awaitText(browser, By.id("treasures"), "Under the lantern by the gate");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("created", "redefined");
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
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> graphCount("node") == 22);
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
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> graphCount("node.problem") == 1);
        assertThat((String) browser.executeScript("return window.questGraph.nodes('.problem').first().id();")).isEqualTo("kill-wolves");
        assertThat(browser.findElement(By.id("quests-error")).getText()).contains("The draft is as it was");
        Browser.screenshot(browser, "console-quest-editor-problem");

        // Fixed: a new objective for the wolf hunt, linked with a has edge.
        browser.get(node.baseUrl + "/console/quests");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> graphCount("node") == 22);
        nodeField("id", "skin-wolves");
        new Select(browser.findElement(By.cssSelector("#node-form select[name=type]"))).selectByValue("objective");
        new Select(browser.findElement(By.cssSelector("#node-form select[name=kind]"))).selectByValue("collect");
        nodeField("target", "wolf-pelt");
        nodeField("count", "2");
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

    private static void nodeField(String name, String value) {
        var input = browser.findElement(By.cssSelector("#node-form [name=" + name + "]"));
        input.clear();
        input.sendKeys(value);
    }

    /** Opens an editor from the Progression page and fills in the id, name and a window starting {@code in} from now. */
    private static void openEditor(String link, String heading, String id, String name, Duration in, Duration lasting) {
        browser.get(node.baseUrl + "/console/progression");
        browser.findElement(By.id(link)).click();
        Browser.awaitText(browser, By.tagName("h1"), heading);
        Instant start = Instant.now().plus(in).truncatedTo(ChronoUnit.SECONDS);
        field("id", 0, id);
        field("name", 0, name);
        field("startsAt", 0, start.toString());
        field("endsAt", 0, start.plus(lasting).toString());
    }

    private static void field(String name, int index, String value) {
        var input = browser.findElements(By.name(name)).get(index);
        input.clear();
        input.sendKeys(value);
    }

    private static void reward(int row, String tier, String track, String kind, String value, String amount) {
        field("reward.tier", row, tier);
        new Select(browser.findElements(By.name("reward.track")).get(row)).selectByValue(track);
        new Select(browser.findElements(By.name("reward.kind")).get(row)).selectByValue(kind);
        field("reward.value", row, value);
        field("reward.amount", row, amount);
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
}
