package dev.veltrix.server.web;

import dev.veltrix.server.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.chrome.ChromeDriver;

/** Browser tests of the console: one Chromium signed in as the owner of one fresh node (with coins) for the class. */
abstract class SignedInConsole {
    private static Browser.Console console;
    static ChromeDriver browser;
    static TestNode node;

    @BeforeAll
    static void openConsole() throws Exception {
        console = Browser.Console.open();
        browser = console.browser();
        node = console.node();
    }

    @AfterAll
    static void closeConsole() throws Exception {
        if (console != null) {
            console.close();
        }
    }
}
