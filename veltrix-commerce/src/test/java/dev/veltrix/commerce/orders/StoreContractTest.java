package dev.veltrix.commerce.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veltrix.commerce.catalog.Coupon;
import dev.veltrix.commerce.catalog.Deliverable;
import dev.veltrix.commerce.catalog.GiftCard;
import dev.veltrix.commerce.catalog.Sale;
import dev.veltrix.commerce.catalog.StorePackage;
import dev.veltrix.commerce.crypto.Invoice;
import dev.veltrix.commerce.crypto.InvoiceState;
import dev.veltrix.commerce.crypto.ObservedPayment;
import dev.veltrix.commerce.fulfilment.Delivery;
import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.core.error.VeltrixException;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.storage.SqlKind;
import dev.veltrix.storage.outbox.Outbox;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The store on every database: what a buyer pays, what they get, and that nothing is sold twice or lost. */
class StoreContractTest {

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aRewardOutsideAnyOrderIsQueuedOnceAndDeliveredLikeAPurchaseEvenWithoutAKnownName(SqlKind kind) {
        try (StoreFixture store = new StoreFixture(kind)) {
            UUID stranger = UUID.randomUUID(); // never reported a name
            store.online.put(stranger, "survival-1");
            String reference = "pass:winter:" + stranger + ":1:FREE";
            for (boolean expected : new boolean[] {true, false}) {
                boolean queued = store.db.database().inTransaction(tx -> store.fulfilment.queue(tx, reference, stranger,
                        dev.veltrix.commerce.fulfilment.Delivery.Kind.COMMAND, "*", "give {player} cake 1"));
                assertThat(queued).as("queued once by its reference").isEqualTo(expected);
            }
            store.fulfilment.sendPending(stranger);
            var sent = store.fulfilment.pendingFor("survival-1", 10);
            assertThat(sent).singleElement().satisfies(d -> {
                assertThat(d.order()).isNull();
                assertThat(d.reference()).isEqualTo(reference);
                assertThat(d.command()).isEqualTo("give " + stranger.toString().replace("-", "") + " cake 1");
            });
            assertThat(store.fulfilment.acknowledge(sent.getFirst().id(), "survival-1").status())
                    .isEqualTo(dev.veltrix.commerce.fulfilment.Delivery.Status.DELIVERED);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void manyBuyersAtOnceNeverGetMoreThanTheStockAndOnlyBuyersArePaid(SqlKind kind) throws Exception {
        try (StoreFixture store = new StoreFixture(kind)) {
            store.vip("coins", 1_000, 5);
            List<UUID> players = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                players.add(store.player("buyer" + i, 5_000));
            }
            List<Future<Order>> attempts = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                for (int i = 0; i < 20; i++) {
                    PlaceOrder request = new PlaceOrder("buyer" + i, List.of(new PlaceOrder.Line("vip", 1)), null, null, Rail.GAME);
                    String key = "buy-" + i;
                    attempts.add(pool.submit(() -> store.checkout.place(request, key)));
                }
            }
            int bought = 0;
            int soldOut = 0;
            for (Future<Order> attempt : attempts) {
                try {
                    assertThat(attempt.get().status()).isEqualTo(OrderStatus.PAID);
                    bought++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ConflictException.class).hasMessageContaining("fewer than 1 left");
                    soldOut++;
                }
            }
            assertThat(bought).isEqualTo(5);
            assertThat(soldOut).isEqualTo(15);
            assertThat(store.catalog.pkg("vip").stock()).isZero();
            long charged = players.stream().mapToLong(p -> 5_000 - store.ledger.balance(AccountId.player(p), "coins") + grantedCoins(store, p)).sum();
            assertThat(charged).isEqualTo(5 * 1_000);
            assertThat(store.ledger.verify()).isEmpty();
        }
    }

    private static long grantedCoins(StoreFixture store, UUID player) {
        // The package grants 100 coins; a buyer's balance went down by the price and up by the grant.
        return store.orders.recent(player, 10).stream().filter(o -> o.status() == OrderStatus.PAID).count() * 100;
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aRetriedPurchaseChargesOnceAndEachDeliveryIsDoneOnce(SqlKind kind) {
        try (StoreFixture store = new StoreFixture(kind)) {
            store.vip("coins", 1_000, null);
            UUID alex = store.player("Alex", 3_000);
            store.online.put(alex, "survival-2");
            PlaceOrder request = new PlaceOrder("alex", List.of(new PlaceOrder.Line("vip", 2)), null, null, Rail.GAME);
            Order first = store.checkout.place(request, "key-1");
            Order again = store.checkout.place(request, "key-1");
            assertThat(again.id()).isEqualTo(first.id());
            assertThat(first.playerName()).isEqualTo("Alex"); // as the player joined, not as typed
            // 3,000 - 2 x 1,000 + 2 x 100 coins granted
            assertThat(store.ledger.balance(AccountId.player(alex), "coins")).isEqualTo(1_200);
            assertThat(store.blocksGranted).containsExactly(alex + ":1000");

            List<Delivery> deliveries = store.fulfilment.ofOrder(first.id());
            assertThat(deliveries).hasSize(5);
            Delivery kit = deliveries.stream().filter(d -> d.command().startsWith("give")).findFirst().orElseThrow();
            assertThat(kit.command()).isEqualTo("give Alex diamond 2");
            assertThat(kit.target()).isEqualTo("survival-2");
            Delivery rank = deliveries.stream().filter(d -> d.command().contains("add vip")).findFirst().orElseThrow();
            assertThat(rank.target()).isEqualTo("lobby-1");
            Delivery expiry = deliveries.stream().filter(d -> d.kind() == Delivery.Kind.EXPIRY).findFirst().orElseThrow();
            assertThat(expiry.command()).isEqualTo("lp user " + alex + " parent remove vip");
            assertThat(expiry.dueAt()).isEqualTo(store.clock.instant().plus(Duration.ofDays(30)));
            assertThat(expiry.target()).isNull();

            var events = Outbox.readAfter(store.db.database().dsl(), 0, 1_000).stream()
                    .filter(e -> e.event().type().equals("delivery.requested")).toList();
            assertThat(events).hasSize(2);
            assertThat(events).anySatisfy(e -> assertThat(e.event().payload()).contains("\"server\":\"survival-2\"", "give Alex diamond 2"));

            assertThat(store.fulfilment.acknowledge(kit.id(), "survival-2").status()).isEqualTo(Delivery.Status.DELIVERED);
            assertThat(store.fulfilment.acknowledge(kit.id(), "survival-2").doneAt()).isNotNull();
            assertThat(store.fulfilment.pendingFor("survival-2", 10)).isEmpty();
            assertThat(store.fulfilment.pendingFor("lobby-1", 10)).extracting(Delivery::id).containsExactly(rank.id());

            // Not acknowledged: sent again after the retry interval; the expiry command goes when due.
            store.clock.advance(Fulfilment_RETRY.plusSeconds(1));
            assertThat(store.fulfilment.sweep(100)).isEqualTo(1);
            assertThat(store.fulfilment.delivery(rank.id()).attempts()).isEqualTo(2);
            store.clock.advance(Duration.ofDays(30));
            store.fulfilment.sweep(100);
            assertThat(store.fulfilment.delivery(expiry.id()).target()).isEqualTo("lobby-1");
            assertThat(store.orders.timeline(first.id())).extracting(TimelineEntry::kind)
                    .startsWith("placed", "settled", "deliveries").contains("delivered");
        }
    }

    private static final Duration Fulfilment_RETRY = dev.veltrix.commerce.fulfilment.Fulfilment.RETRY;

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void salesCouponsAndGiftCardsPriceTheBasketFromTheCatalog(SqlKind kind) {
        try (StoreFixture store = new StoreFixture(kind)) {
            store.vip("USD", 1_999, null);
            store.player("Sam", 0);
            store.catalog.putSale(new Sale("black-friday", "Black Friday", 20, Set.of("ranks"),
                    store.clock.instant().minusSeconds(60), store.clock.instant().plus(Duration.ofDays(3))));
            store.catalog.putCoupon(new Coupon("WELCOME10", 10, null, null, Set.of(), null, 1, 0));
            GiftCard card = store.catalog.issueGiftCard("USD", 2_000);

            // 2 x 19.99 less 20% (3.998 -> 4.00 off each) = 2 x 15.99; 10% off 31.98 = 3.20; gift card 20.00
            Order order = store.checkout.place(new PlaceOrder("Sam", List.of(new PlaceOrder.Line("vip", 2)), "WELCOME10",
                    card.code(), Rail.BTC), null);
            assertThat(order.lines().getFirst().unitPrice()).isEqualTo(1_599);
            assertThat(order.subtotal()).isEqualTo(3_198);
            assertThat(order.discount()).isEqualTo(320);
            assertThat(order.giftCardAmount()).isEqualTo(2_000);
            assertThat(order.total()).isEqualTo(878);
            assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(store.catalog.giftCard(card.code()).balance()).isZero();

            assertThatThrownBy(() -> store.checkout.place(new PlaceOrder("Sam", List.of(new PlaceOrder.Line("vip", 1)), "WELCOME10",
                    null, Rail.BTC), null)).isInstanceOf(RejectedException.class).hasMessageContaining("used as often as it may be");

            // The order expires unpaid: the coupon use and the gift card's amount come back.
            store.clock.advance(Duration.ofMinutes(16));
            store.invoices.monitor();
            assertThat(store.orders.order(order.id()).status()).isEqualTo(OrderStatus.EXPIRED);
            assertThat(store.catalog.giftCard(card.code()).balance()).isEqualTo(2_000);
            assertThat(store.catalog.coupon("WELCOME10").uses()).isZero();

            GiftCard big = store.catalog.issueGiftCard("USD", 10_000);
            Order covered = store.checkout.place(new PlaceOrder("Sam", List.of(new PlaceOrder.Line("vip", 1)), null, big.code(), Rail.BTC), null);
            assertThat(covered.status()).isEqualTo(OrderStatus.PAID);
            assertThat(covered.rail()).isEqualTo(Rail.GIFT_CARD);
            assertThat(store.catalog.giftCard(big.code()).balance()).isEqualTo(10_000 - 1_599); // the sale still runs
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aCryptoInvoiceSettlesOnlyWhenConfirmedAndALatePaymentGoesToReview(SqlKind kind) {
        try (StoreFixture store = new StoreFixture(kind)) {
            store.vip("USD", 2_500, 10);
            store.player("Kim", 0);
            Order order = store.checkout.place(new PlaceOrder("Kim", List.of(new PlaceOrder.Line("vip", 1)), null, null, Rail.BTC), null);
            Invoice invoice = store.invoices.invoice(order.id());
            // $25.00 at $50,000 per BTC = 0.0005 BTC
            assertThat(invoice.amount()).isEqualTo(BigInteger.valueOf(50_000));
            assertThat(invoice.address()).isEqualTo(StoreFixture.WALLET.address(0));
            assertThat(invoice.paymentUri()).isEqualTo("bitcoin:" + invoice.address() + "?amount=0.0005&label=Order%20" + order.id());

            store.chain.put(invoice.address(), List.of(new ObservedPayment("tx1", BigInteger.valueOf(20_000), store.clock.instant(), 0)));
            store.invoices.monitor();
            assertThat(store.invoices.invoice(order.id()).remainder()).isEqualTo(BigInteger.valueOf(30_000));
            assertThat(store.invoices.invoice(order.id()).paymentUri()).contains("amount=0.0003");
            store.chain.put(invoice.address(), List.of(
                    new ObservedPayment("tx1", BigInteger.valueOf(20_000), store.clock.instant(), 1),
                    new ObservedPayment("tx2", BigInteger.valueOf(30_000), store.clock.instant(), 0)));
            store.invoices.monitor();
            assertThat(store.invoices.invoice(order.id()).status()).isEqualTo(InvoiceState.Status.PROCESSING);
            assertThat(store.orders.order(order.id()).status()).isEqualTo(OrderStatus.PENDING);
            assertThat(store.fulfilment.ofOrder(order.id())).isEmpty();

            store.chain.put(invoice.address(), List.of(
                    new ObservedPayment("tx1", BigInteger.valueOf(20_000), store.clock.instant(), 3),
                    new ObservedPayment("tx2", BigInteger.valueOf(30_000), store.clock.instant(), 2)));
            store.invoices.monitor();
            assertThat(store.orders.order(order.id()).status()).isEqualTo(OrderStatus.PAID);
            assertThat(store.fulfilment.ofOrder(order.id())).hasSize(5);
            store.invoices.monitor(); // settled invoices are no longer watched; nothing happens twice
            assertThat(store.fulfilment.ofOrder(order.id())).hasSize(5);

            // A small order (at most 5.00) settles after one confirmation instead of two.
            store.invoices.smallOrders(500, 1);
            store.vip("USD", 400, null);
            Order small = store.checkout.place(new PlaceOrder("Kim", List.of(new PlaceOrder.Line("vip", 1)), null, null, Rail.BTC), null);
            String smallAddress = store.invoices.invoice(small.id()).address();
            store.chain.put(smallAddress, List.of(new ObservedPayment("tx-s", store.invoices.invoice(small.id()).amount(), store.clock.instant(), 1)));
            store.invoices.monitor();
            assertThat(store.orders.order(small.id()).status()).isEqualTo(OrderStatus.PAID);
            store.invoices.smallOrders(0, 1);
            store.vip("USD", 2_500, 9);

            Order late = store.checkout.place(new PlaceOrder("Kim", List.of(new PlaceOrder.Line("vip", 1)), null, null, Rail.BTC), null);
            Instant expiry = late.expiresAt();
            store.clock.advance(Duration.ofMinutes(20));
            store.invoices.monitor();
            assertThat(store.orders.order(late.id()).status()).isEqualTo(OrderStatus.EXPIRED);
            assertThat(store.catalog.pkg("vip").stock()).isEqualTo(9);
            String lateAddress = store.invoices.invoice(late.id()).address();
            store.chain.put(lateAddress, List.of(new ObservedPayment("tx3", BigInteger.valueOf(50_000), expiry.plusSeconds(60), 6)));
            store.invoices.monitor();
            assertThat(store.orders.order(late.id()).status()).isEqualTo(OrderStatus.REVIEW);
            assertThat(store.invoices.invoice(late.id()).flags()).contains("paid late");
            assertThat(store.fulfilment.ofOrder(late.id())).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aRefundTakesBackWhatWasGrantedOnceRunsTheRevokeCommandsAndPaysThePlayerBack(SqlKind kind) {
        try (StoreFixture store = new StoreFixture(kind)) {
            store.vip("coins", 1_000, null);
            UUID alex = store.player("Alex", 3_000);
            Order order = store.checkout.place(new PlaceOrder("Alex", List.of(new PlaceOrder.Line("vip", 1)), null, null, Rail.GAME), "r1");
            assertThat(store.ledger.balance(AccountId.player(alex), "coins")).isEqualTo(2_100);
            assertThatThrownBy(() -> store.refunds.refund(UUID.randomUUID(), "x")).isInstanceOf(dev.veltrix.core.error.NotFoundException.class);

            Order refunded = store.refunds.refund(order.id(), "chargeback");
            assertThat(refunded.status()).isEqualTo(OrderStatus.REFUNDED);
            // the 100 coins granted are taken back and the 1,000 paid are paid back
            assertThat(store.ledger.balance(AccountId.player(alex), "coins")).isEqualTo(3_000);
            assertThat(store.blocksGranted).containsExactly(alex + ":500", alex + ":-500");
            List<Delivery> deliveries = store.fulfilment.ofOrder(order.id());
            assertThat(deliveries).filteredOn(d -> d.kind() == Delivery.Kind.EXPIRY).extracting(Delivery::status)
                    .containsExactly(Delivery.Status.CANCELLED);
            assertThat(deliveries).filteredOn(d -> d.kind() == Delivery.Kind.REVOKE).extracting(Delivery::command)
                    .containsExactlyInAnyOrder("lp user " + alex + " parent remove vip", "eco take Alex 100");
            assertThat(deliveries).filteredOn(d -> d.kind() == Delivery.Kind.REVOKE).allSatisfy(d -> assertThat(d.target()).isEqualTo("lobby-1"));

            store.refunds.refund(order.id(), "the same chargeback, reported again");
            assertThat(store.ledger.balance(AccountId.player(alex), "coins")).isEqualTo(3_000);
            assertThat(store.fulfilment.ofOrder(order.id())).hasSize(deliveries.size());
            assertThat(store.orders.timeline(order.id())).extracting(TimelineEntry::kind).containsOnlyOnce("refunded");
            assertThat(store.ledger.verify()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void aPassPremiumPackageUnlocksTheSeasonAndARefundTakesItBack(SqlKind kind) {
        try (StoreFixture store = new StoreFixture(kind)) {
            assertThatThrownBy(() -> store.catalog.putPackage(new StorePackage("summer-pass", "ranks", "Summer pass", "", "coins", 500, null, null,
                    null, List.of(new Deliverable.PassPremium("summer")), true))).isInstanceOfSatisfying(InvalidInputException.class, e ->
                    assertThat(e.errors().getFirst().message()).contains("no battle-pass season summer"));
            store.catalog.putPackage(new StorePackage("winter-pass", "ranks", "Winter pass", "", "coins", 500, null, 1, null,
                    List.of(new Deliverable.PassPremium("winter")), true));
            UUID fay = store.player("Fay", 1_000);
            Order order = store.checkout.place(new PlaceOrder("Fay", List.of(new PlaceOrder.Line("winter-pass", 1)), null, null, Rail.GAME), "p1");
            assertThat(store.blocksGranted).containsExactly(fay + ":premium winter");
            store.refunds.refund(order.id(), "chargeback");
            assertThat(store.blocksGranted).containsExactly(fay + ":premium winter", fay + ":no premium winter");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void creatorsEarnTheirShareOfWhatBuyersPaidLoseItOnRefundAndArePaidOutOnce(SqlKind kind) {
        try (StoreFixture store = new StoreFixture(kind)) {
            store.vip("USD", 2_000, null);
            store.player("Zoe", 0);
            var creators = new dev.veltrix.commerce.creators.Creators(store.db.database(), store.clock, store.ledger);
            creators.put("pixelsmith", "Pixel Smith");
            creators.share("vip", "pixelsmith", 30);
            store.catalog.putCoupon(new Coupon("HALF", 50, null, null, Set.of(), null, null, 0));
            GiftCard card = store.catalog.issueGiftCard("USD", 100_000);

            Order full = store.checkout.place(new PlaceOrder("Zoe", List.of(new PlaceOrder.Line("vip", 2)), null, card.code(), Rail.BTC), null);
            Order half = store.checkout.place(new PlaceOrder("Zoe", List.of(new PlaceOrder.Line("vip", 1)), "HALF", card.code(), Rail.BTC), null);
            assertThat(full.status()).isEqualTo(OrderStatus.PAID);
            // 30% of 40.00 paid, then 30% of 10.00 paid after the coupon
            assertThat(creators.owed("pixelsmith", "USD")).isEqualTo(1_200 + 300);

            store.refunds.refund(half.id(), "refund requested");
            assertThat(creators.owed("pixelsmith", "USD")).isEqualTo(1_200);
            assertThat(store.catalog.giftCard(card.code()).balance()).as("what the gift card paid goes back on it")
                    .isEqualTo(100_000 - 4_000);
            assertThatThrownBy(() -> creators.payout("pixelsmith", "USD", 5_000, "wire-1")).isInstanceOf(RejectedException.class)
                    .hasMessageContaining("is owed 1200");
            assertThat(creators.payout("pixelsmith", "USD", 1_000, "wire-1")).isEqualTo(200);
            assertThat(creators.payout("pixelsmith", "USD", 1_000, "wire-1")).as("the same payout recorded again").isEqualTo(200);

            String csv = creators.statement("pixelsmith", "USD");
            assertThat(csv.lines().toList()).hasSize(5).first().isEqualTo("posted_at,kind,order,package,transaction_id,amount,balance");
            assertThat(csv).contains("creator-earning," + full.id() + ",vip,,12.00,12.00", "creator-refund," + half.id() + ",vip,,-3.00",
                    "creator-payout,,,wire-1,-10.00,2.00");
            assertThat(store.ledger.verify()).isEmpty();
            assertThatThrownBy(() -> creators.share("vip", "nobody", 10)).isInstanceOf(dev.veltrix.core.error.NotFoundException.class);
            assertThatThrownBy(() -> creators.share("vip", "pixelsmith", 101)).isInstanceOf(InvalidInputException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.veltrix.storage.TestDatabases#kinds")
    void badPackagesAndBasketsAreRefusedWithEveryProblemAndNothingWritten(SqlKind kind) {
        try (StoreFixture store = new StoreFixture(kind)) {
            StorePackage bad = new StorePackage("Bad Id", "nope", "", "x", "XYZ", 0, -1, 0, null,
                    List.of(new Deliverable.Command("*", "say {name}", false, Deliverable.Command.Trigger.EXPIRY), new Deliverable.CurrencyGrant("gems", 5)), true);
            assertThatThrownBy(() -> store.catalog.putPackage(bad)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                    assertThat(e.errors()).extracting(f -> f.field()).contains("id", "name", "currency", "price", "stock",
                            "perPlayerLimit", "deliverables[1].currency", "deliverables[0].on", "category"));
            assertThat(store.catalog.packages(false)).isEmpty();

            store.vip("USD", 500, null);
            store.catalog.putPackage(new StorePackage("gems", "ranks", "Gems", "", "coins", 10, null, null, null,
                    List.of(new Deliverable.CurrencyGrant("coins", 1)), true));
            store.player("Lee", 0);
            assertThatThrownBy(() -> store.checkout.place(new PlaceOrder("Lee", List.of(new PlaceOrder.Line("vip", 1),
                    new PlaceOrder.Line("gems", 1)), null, null, Rail.BTC), null)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                    assertThat(e.errors().getFirst().message()).contains("one currency"));
            assertThatThrownBy(() -> store.checkout.place(new PlaceOrder("Lee", List.of(new PlaceOrder.Line("vip", 1)), null, null,
                    Rail.GAME), "k")).isInstanceOfSatisfying(InvalidInputException.class, e ->
                    assertThat(e.errors().getFirst().message()).contains("paid with btc"));
            assertThatThrownBy(() -> store.checkout.place(new PlaceOrder("Nobody", List.of(new PlaceOrder.Line("vip", 1)), null, null,
                    Rail.BTC), null)).isInstanceOf(RejectedException.class).hasMessageContaining("no player named Nobody");
            assertThatThrownBy(() -> store.checkout.place(new PlaceOrder("Lee", List.of(new PlaceOrder.Line("vip", 0),
                    new PlaceOrder.Line("vip", 1)), "bad code", null, null), null)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                    assertThat(e.errors()).extracting(f -> f.field()).containsExactly("lines[0].quantity", "lines[1].packageId", "coupon", "rail"));
            assertThatThrownBy(() -> store.checkout.place(new PlaceOrder("Lee", List.of(new PlaceOrder.Line("gems", 1)), null, null,
                    Rail.GAME), "k2")).isInstanceOf(VeltrixException.class).hasMessageContaining("holds less than 10 coins");
            assertThat(store.orders.recent(null, 10)).isEmpty();
        }
    }
}
