package dev.veltrix.commerce.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veltrix.commerce.crypto.AddressBook;
import dev.veltrix.commerce.crypto.Asset;
import dev.veltrix.commerce.crypto.Chain;
import dev.veltrix.commerce.crypto.FixedRates;
import dev.veltrix.commerce.crypto.InvoiceRules;
import dev.veltrix.commerce.crypto.Invoices;
import dev.veltrix.commerce.crypto.ObservedPayment;
import dev.veltrix.commerce.crypto.Quotes;
import dev.veltrix.commerce.crypto.TestWallets;
import dev.veltrix.commerce.crypto.WalletKey;
import dev.veltrix.storage.SqlKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An invoice for ether paid in USDC (the same address, another asset) is neither settled nor lost: it goes to review. */
class WrongAssetContractTest {

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aPaymentInAnotherAssetOfTheChainSendsTheOrderToReview(SqlKind kind) {
        try (StoreFixture store = new StoreFixture(kind)) {
            WalletKey wallet = WalletKey.parse(Chain.ETHEREUM, TestWallets.ethereumXpub(), "0/*");
            Map<String, List<ObservedPayment>> ether = new ConcurrentHashMap<>();
            Map<String, List<ObservedPayment>> usdc = new ConcurrentHashMap<>();
            InvoiceRules rules = new InvoiceRules(2, BigDecimal.ZERO, Duration.ofHours(24));
            Invoices invoices = new Invoices(store.db.database(), store.clock, store.orders, store.fulfilment,
                    new AddressBook(store.db.database(), store.clock),
                    new Quotes(new FixedRates(Map.of("ETH/USD", new BigDecimal("2000"), "USDC/USD", BigDecimal.ONE)), store.clock,
                            Duration.ofMinutes(15)),
                    Map.of(Rail.ETH, new Invoices.CryptoRail(Asset.ETH, wallet, a -> ether.getOrDefault(a, List.of()), rules, 1),
                            Rail.USDC, new Invoices.CryptoRail(Asset.USDC, wallet, a -> usdc.getOrDefault(a, List.of()), rules, 1)));
            store.vip("USD", 1_000, null);
            store.player("Ivy", 0);
            Order order = new Checkout(store.orders, store.fulfilment, store.ledger, invoices::open)
                    .place(new PlaceOrder("Ivy", List.of(new PlaceOrder.Line("vip", 1)), null, null, Rail.ETH), null);
            String address = invoices.invoice(order.id()).address();
            assertThat(address).isEqualTo(wallet.address(0));
            assertThat(invoices.invoice(order.id()).amount()).isEqualTo(new BigInteger("5000000000000000")); // 10 USD at 2000

            usdc.put(address, List.of(new ObservedPayment("0xabc:0", BigInteger.valueOf(10_000_000), store.clock.instant(), 5)));
            invoices.monitor();
            assertThat(store.orders.order(order.id()).status()).isEqualTo(OrderStatus.REVIEW);
            assertThat(invoices.invoice(order.id()).flags()).contains("wrong asset");
            assertThat(store.fulfilment.ofOrder(order.id())).isEmpty();
            assertThat(store.orders.timeline(order.id())).extracting(TimelineEntry::detail).anyMatch(d -> d.contains("paid in USDC instead of ETH"));
        }
    }
}
