package dev.veltrix.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.commerce.crypto.Chain;
import dev.veltrix.commerce.crypto.Ganache;
import dev.veltrix.commerce.crypto.TestWallets;
import dev.veltrix.commerce.crypto.WalletKey;
import dev.veltrix.server.TestNode;
import dev.veltrix.server.config.StoreSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Paying with a browser wallet: the page finds {@code window.ethereum} (here an EIP-1193 provider whose calls the
 * test carries to a real Ethereum node, ganache, whose accounts are unlocked, as a wallet extension signs), the buyer
 * presses the button, the transaction lands on the chain, and the store's ether watcher settles the order.
 */
class WalletCheckoutBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Ganache chain;
    private static ChromeDriver browser;
    private static TestNode node;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        chain = Ganache.start();
        WalletKey wallet = WalletKey.parse(Chain.ETHEREUM, TestWallets.ethereumXpub(), "0/*");
        node = TestNode.start(StoreSettings.defaults().withRates(Map.of("ETH/USD", new BigDecimal("2000")), Duration.ofSeconds(1))
                .withEthereum(new StoreSettings.Ethereum(wallet, chain.url, Ganache.CHAIN_ID, 2, "", 1_000)));
        node.createCoins();
        assertThat(node.put("/api/v1/store/categories/ranks", "{\"name\":\"Ranks\"}").statusCode()).isEqualTo(200);
        assertThat(node.put("/api/v1/store/packages/mvp", "{\"category\":\"ranks\",\"name\":\"MVP\",\"currency\":\"USD\",\"price\":1000,"
                + "\"deliverables\":[{\"type\":\"command\",\"command\":\"lp user {player} parent add mvp\"}]}").statusCode()).isEqualTo(200);
        assertThat(node.post("/api/v1/servers", "{\"name\":\"hub\",\"group\":\"lobby\",\"address\":\"10.0.0.3:25565\",\"capacity\":10}", null)
                .statusCode()).isEqualTo(201);
        assertThat(node.put("/api/v1/players/" + UUID.randomUUID() + "/session", "{\"server\":\"hub\",\"name\":\"Robin\"}").statusCode())
                .isEqualTo(200);
        // The page's own scripts may only reach the store (its CSP says so); a wallet extension talks to its node
        // from outside the page. So does this one: calls queue in the page, and the test carries them to ganache.
        String provider = """
                window.__wallet = { pending: [], waiting: {}, next: 0 };
                window.ethereum = { request: function (call) {
                  return new Promise(function (resolve, reject) {
                    var id = ++window.__wallet.next;
                    window.__wallet.waiting[id] = { resolve: resolve, reject: reject };
                    window.__wallet.pending.push({ id: id, method: call.method, params: call.params || [] });
                  });
                } };""";
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", provider));
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.closeAll(browser == null ? null : browser::quit, node, chain);
    }

    @Test
    void theBuyerPaysWithTheBrowserWalletAndTheOrderSettlesFromTheChain() throws Exception {
        browser.get(node.baseUrl + "/store");
        browser.findElement(By.cssSelector("#offer-mvp button[type=submit]")).click();
        awaitText(By.id("basket-total"), "10.00 USD");
        browser.findElement(By.name("playerName")).sendKeys("robin");
        browser.findElement(By.cssSelector("input[name=rail][value=eth]")).click();
        browser.findElement(By.cssSelector("#checkout button[type=submit]")).click();
        assertThat(awaitText(By.id("pay-amount"), "ETH")).isEqualTo("0.005 ETH");
        assertThat(browser.findElement(By.id("pay-uri")).getAttribute("href"))
                .startsWith("ethereum:" + browser.findElement(By.id("pay-address")).getText() + "@1337?value=5000000000000000");
        var button = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            var b = d.findElement(By.id("wallet-pay"));
            return b.isDisplayed() ? b : null;
        });
        button.click();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!browser.findElement(By.id("wallet-pay")).getText().startsWith("Sent: 0x") && System.nanoTime() < deadline) {
            answerWalletCalls();
        }
        awaitText(By.id("wallet-pay"), "Sent: 0x");
        awaitText(By.id("order-status"), "Payment seen");
        chain.mine(1);
        awaitText(By.id("order-status"), "Paid");
        assertThat(browser.findElement(By.id("status-text")).getText()).contains("delivered to Robin");
        // The node reports the chain it watches among its dependencies.
        assertThat(node.get("/health/ready").body()).contains("\"chain.eth\":{\"status\":\"UP\",\"detail\":\"read ");
    }

    /** Does what the page asked its wallet: the accounts, the chain switch (already on it), the payment itself. */
    private static void answerWalletCalls() throws Exception {
        String queued = (String) browser.executeScript("var p = window.__wallet.pending; window.__wallet.pending = []; return JSON.stringify(p);");
        for (JsonNode call : JSON.readTree(queued)) {
            String method = call.get("method").asText();
            JsonNode result = switch (method) {
                case "eth_requestAccounts" -> chain.rpc.call("eth_accounts");
                case "wallet_switchEthereumChain" -> JSON.nullNode();
                default -> chain.rpc.call(method, JSON.convertValue(call.get("params"), Object[].class));
            };
            browser.executeScript("window.__wallet.waiting[arguments[0]].resolve(JSON.parse(arguments[1]));", call.get("id").asInt(),
                    JSON.writeValueAsString(result));
        }
        Thread.sleep(50);
    }

    private static String awaitText(By where, String text) {
        return Browser.awaitText(browser, where, text);
    }
}
