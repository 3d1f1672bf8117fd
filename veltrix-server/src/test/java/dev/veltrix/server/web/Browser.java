package dev.veltrix.server.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver. Skips the test with a message when
 * they are not installed; nothing is ever downloaded.
 */
final class Browser {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    /**
     * Waits until the element shows {@code text} and returns what it shows, reading it in the same look-up, so a
     * swap landing between finding and reading cannot leave a stale element behind; a timeout says what was shown.
     */
    static String awaitText(org.openqa.selenium.WebDriver browser, org.openqa.selenium.By where, String text) {
        return new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .withMessage(() -> "waiting for \"" + text + "\" in " + where + ", which shows: " + browser.findElement(where).getText())
                .until(driver -> {
                    String shown = driver.findElement(where).getText();
                    return shown.contains(text) ? shown : null;
                });
    }

    /** Signs in as the owner of a fresh node, changing the one-time setup password as the console asks. */
    static void signInAsOwner(org.openqa.selenium.WebDriver browser, dev.veltrix.server.TestNode node) {
        browser.get(node.baseUrl + "/console");
        type(browser, "username", "owner");
        type(browser, "password", node.ownerPassword);
        browser.findElement(org.openqa.selenium.By.cssSelector("main form button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/console/password"));
        type(browser, "password", "correct horse battery staple");
        browser.findElement(org.openqa.selenium.By.cssSelector("main form button[type=submit]")).click();
        awaitText(browser, org.openqa.selenium.By.tagName("h1"), "Welcome");
    }

    private static void type(org.openqa.selenium.WebDriver browser, String name, String value) {
        var field = browser.findElement(org.openqa.selenium.By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    /** A console test's browser, signed in as the owner of a fresh node that has the coins currency. */
    record Console(ChromeDriver browser, dev.veltrix.server.TestNode node) implements AutoCloseable {
        static Console open() throws Exception {
            ChromeDriver browser = start();
            dev.veltrix.server.TestNode node = null;
            try {
                node = dev.veltrix.server.TestNode.start();
                node.createCoins();
                signInAsOwner(browser, node);
                return new Console(browser, node);
            } catch (Exception | AssertionError e) {
                closeAll(browser::quit, node);
                throw e;
            }
        }

        @Override
        public void close() throws Exception {
            closeAll(browser::quit, node);
        }
    }

    /** Keeps what the browser shows as target/screenshots/NAME.png, a test artefact. */
    static void screenshot(org.openqa.selenium.TakesScreenshot browser, String name) throws java.io.IOException {
        Path out = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(out.getParent());
        Files.write(out, browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    /** Closes what a browser test started, whichever of them did start. */
    static void closeAll(AutoCloseable... resources) throws Exception {
        for (AutoCloseable resource : resources) {
            if (resource != null) {
                resource.close();
            }
        }
    }

    static ChromeDriver start() throws java.io.IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: install Debian's chromium and chromium-driver "
                        + "(apt-get install -y chromium chromium-driver); CI installs them in .ci/run");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + Files.createTempDirectory("veltrix-chromium-"),
                // Host names under .test reach the node, so a test can open the same page as two brands' hosts.
                "--host-resolver-rules=MAP *.test 127.0.0.1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }
}
