package dev.veltrix.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.commerce.crypto.Chain;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A buyer in a real browser: browses the store, fills a basket, checks out with Bitcoin for an in-game name,
 * sees the amount, address, payment URI and QR code, and watches the page turn to paid as the chain confirms.
 */
class StoreBrowserTest {
    private static final WalletKey WALLET = WalletKey.parse(Chain.BITCOIN,
            "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs", "0/*");
    private static ChromeDriver browser;
    private static LocalEsplora chain;
    private static TestNode node;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        chain = new LocalEsplora();
        node = TestNode.start(StoreSettings.defaults().withBitcoin(WALLET, chain.url(), 2)
                .withRates(Map.of("BTC/USD", new BigDecimal("50000")), Duration.ofSeconds(1)));
        node.createCoins();
        put("/api/v1/store/categories/ranks", "{\"name\":\"Ranks\",\"position\":1}");
        put("/api/v1/store/packages/vip", "{\"category\":\"ranks\",\"name\":\"VIP\",\"description\":\"Colours in chat and a daily kit\","
                + "\"currency\":\"USD\",\"price\":2500,\"durationDays\":30,\"deliverables\":[{\"type\":\"command\","
                + "\"command\":\"lp user {player} parent addtemp vip 30d\"}]}");
        put("/api/v1/store/packages/gems", "{\"category\":\"ranks\",\"name\":\"Gem pouch\",\"currency\":\"coins\",\"price\":900,"
                + "\"deliverables\":[{\"type\":\"claim_blocks\",\"blocks\":100}]}");
        var registered = node.post("/api/v1/servers", "{\"name\":\"lobby-1\",\"group\":\"lobby\",\"address\":\"10.0.0.2:25565\","
                + "\"capacity\":50}", null);
        assertThat(registered.statusCode()).isEqualTo(201);
        assertThat(node.put("/api/v1/players/" + UUID.randomUUID() + "/session", "{\"server\":\"lobby-1\",\"name\":\"Alex\"}")
                .statusCode()).isEqualTo(200);
    }

    private static void put(String path, String body) {
        var response = node.put(path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.closeAll(browser == null ? null : browser::quit, node, chain);
    }

    @Test
    void aBuyerChecksOutWithBitcoinAndThePageTurnsToPaidWhenTheChainConfirms() throws Exception {
        browser.get(node.baseUrl + "/store");
        WebElement vip = browser.findElement(By.id("offer-vip"));
        assertThat(vip.getText()).contains("VIP", "25.00 USD", "for 30 days");
        assertThat(browser.findElement(By.id("offer-gems")).getText()).contains("900 coins", "Bought in game");
        vip.findElement(By.cssSelector("button[type=submit]")).click();

        assertThat(text(By.id("basket-total"))).isEqualTo("25.00 USD");
        fill("playerName", "nobody");
        browser.findElement(By.cssSelector("#checkout button[type=submit]")).click();
        assertThat(text(By.id("checkout-error"))).contains("no player named nobody has joined");
        assertThat(text(By.id("basket-total"))).as("the basket is kept").isEqualTo("25.00 USD");

        fill("playerName", "alex");
        browser.findElement(By.cssSelector("#checkout button[type=submit]")).click();
        // Waits for the order page: the basket's own heading is still there until the checkout answers.
        assertThat(awaitText(By.cssSelector("h1"), "Order for")).isEqualTo("Order for Alex");
        assertThat(text(By.id("pay-amount"))).isEqualTo("0.0005 BTC");
        String address = text(By.id("pay-address"));
        assertThat(address).isEqualTo(WALLET.address(0));
        assertThat(browser.findElement(By.id("pay-uri")).getAttribute("href")).startsWith("bitcoin:" + address + "?amount=0.0005");
        Long qrWidth = (Long) browser.executeScript("return document.getElementById('pay-qr').naturalWidth");
        assertThat(qrWidth).as("the QR code image loaded").isEqualTo(320L);
        Browser.screenshot(browser, "store-checkout");

        chain.pay(address, 50_000);
        awaitText(By.id("order-status"), "Payment seen");
        chain.confirm(address, 50_000, 1);
        awaitText(By.id("order-status"), "Paid");
        assertThat(text(By.id("status-text"))).contains("delivered to Alex");
        Browser.screenshot(browser, "store-paid");
        browser.get(node.baseUrl + "/store/basket");
        assertThat(text(By.id("basket-empty"))).contains("empty");

        // The operator sees the sale and the order's timeline in the console, and refunds it.
        Browser.signInAsOwner(browser, node);
        browser.get(node.baseUrl + "/console/store");
        assertThat(browser.findElements(By.cssSelector("#revenue-USD canvas, #revenue-USD svg"))).as("the revenue chart is drawn").isNotEmpty();
        // Wallet keys: a private key pasted by mistake is refused with a warning; the public key is checked and shown.
        pasteKey("bitcoin", "zprvAdG4iTXWBoARxkkzNpNh8r6Qag3irQB8PzEMkAFeTRXxHpbF9z4QgEvBRmfvqWvGp42t42nvgGpNgYSJA9iefm1yYNZKEm7z6qUWCroSQnE");
        assertThat(awaitText(By.id("store-error"), "PRIVATE key")).contains("move");
        pasteKey("ethereum", dev.veltrix.commerce.crypto.TestWallets.ethereumXpub());
        assertThat(awaitText(By.id("store-error"), "store.ethereum.rpc-url")).contains("set");
        pasteKey("bitcoin", dev.veltrix.commerce.crypto.TestWallets.account(84, 0)
                .serializePubB58(org.bitcoinj.base.BitcoinNetwork.MAINNET));
        assertThat(awaitText(By.id("store-notice"), "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu")).contains("check that your wallet");
        assertThat(text(By.id("rails"))).contains("btc", StoreBrowserTest.WALLET.walletId());
        assertThat(text(By.id("orders"))).contains("Alex", "paid", "25.00 USD");
        browser.findElement(By.cssSelector("#orders a")).click();
        assertThat(text(By.id("timeline"))).contains("placed", "invoice", "settled", "deliveries");
        assertThat(text(By.id("deliveries"))).contains("lp user Alex parent addtemp vip 30d");
        browser.findElement(By.cssSelector("form[action$='/refund'] input[name=reason]")).sendKeys("goodwill");
        browser.findElement(By.cssSelector("form[action$='/refund'] button")).click();
        assertThat(awaitText(By.id("order-status"), "refunded")).isEqualTo("refunded");
        Browser.screenshot(browser, "store-console-order");
    }

    private static void pasteKey(String chain, String key) {
        var field = browser.findElement(By.cssSelector("form[action$='/keys/" + chain + "'] input[name=key]"));
        field.sendKeys(key);
        browser.findElement(By.cssSelector("form[action$='/keys/" + chain + "'] button")).click();
    }

    private static void fill(String name, String value) {
        var field = browser.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    private static String text(By where) {
        return awaitText(where, "");
    }

    private static String awaitText(By where, String text) {
        return Browser.awaitText(browser, where, text);
    }
}
