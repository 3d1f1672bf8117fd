package dev.veltrix.commerce.crypto;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.veltrix.commerce.fulfilment.Fulfilment;
import dev.veltrix.commerce.orders.Order;
import dev.veltrix.commerce.orders.OrderStatus;
import dev.veltrix.commerce.orders.Orders;
import dev.veltrix.commerce.orders.Rail;
import dev.veltrix.commerce.orders.Timeline;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.storage.Database;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crypto invoices for orders: opened with a locked quote and a fresh address of the operator's wallet, then
 * watched until the chain settles them. Each check decides the invoice's state afresh from what the chain
 * reports ({@link InvoiceRules}), so a reorganised block or a restart after downtime needs no special case; the
 * order follows: settled → paid and delivered; paid late, partly after expiry, never confirmed, or paid in
 * another asset → review; unpaid at expiry → expired.
 */
public final class Invoices {
    private static final Logger LOG = LoggerFactory.getLogger(Invoices.class);
    private static final Table<Record> INVOICES = table(name("commerce_invoices"));
    private static final Field<String> ORDER = field(name("order_id"), String.class);
    private static final Field<String> ASSET = field(name("asset"), String.class);
    private static final Field<String> ADDRESS = field(name("address"), String.class);
    private static final Field<String> AMOUNT = field(name("amount"), String.class);
    private static final Field<String> RATE = field(name("rate"), String.class);
    private static final Field<Long> CREATED = field(name("created_at"), Long.class);
    private static final Field<Long> EXPIRES = field(name("expires_at"), Long.class);
    private static final Field<String> STATUS = field(name("status"), String.class);
    private static final Field<String> RECEIVED = field(name("received"), String.class);
    private static final Field<String> FLAGS = field(name("flags"), String.class);
    private static final Field<Long> CHECKED = field(name("checked_at"), Long.class);

    /** One payment rail of the crypto kind: the asset, the wallet its addresses come from, who watches it, its rules. */
    public record CryptoRail(Asset asset, WalletKey wallet, ChainWatcher watcher, InvoiceRules rules, long chainId) {
    }

    private final Database database;
    private final Clock clock;
    private final Orders orders;
    private final Fulfilment fulfilment;
    private final AddressBook addresses;
    private final Quotes quotes;
    private final Map<Rail, CryptoRail> rails;
    private final Map<Rail, Instant> lastWatched = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile long smallOrderMax;
    private volatile int smallOrderConfirmations = Integer.MAX_VALUE;

    public Invoices(Database database, Clock clock, Orders orders, Fulfilment fulfilment, AddressBook addresses, Quotes quotes,
                    Map<Rail, CryptoRail> rails) {
        this.database = database;
        this.clock = clock;
        this.orders = orders;
        this.fulfilment = fulfilment;
        this.addresses = addresses;
        this.quotes = quotes;
        this.rails = new java.util.concurrent.ConcurrentHashMap<>(rails);
        this.rails.values().forEach(rail -> addresses.register(rail.wallet()));
    }

    /**
     * Orders of at most {@code maxTotal} (minor units of their currency) settle after {@code confirmations}
     * instead of the rail's number: a small sale is not worth the wait, nor a double-spend's effort.
     */
    public void smallOrders(long maxTotal, int confirmations) {
        this.smallOrderMax = maxTotal;
        this.smallOrderConfirmations = confirmations;
    }

    /** A rail as the console shows it: its asset, wallet and how many addresses in a row are unpaid. */
    public record RailStatus(Rail rail, String asset, String token, String walletId, AddressBook.Gap gap) {
    }

    public List<RailStatus> status() {
        return rails.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> new RailStatus(e.getKey(), e.getValue().asset().code(),
                e.getValue().asset().token(), e.getValue().wallet().walletId(), addresses.gap(e.getValue().wallet().walletId()))).toList();
    }

    /**
     * Sets up or replaces a rail while the store runs (an operator entered a new wallet key). Invoices already
     * open keep their addresses and are still watched by the replaced watcher's successor for the same chain.
     */
    public void putRail(Rail rail, CryptoRail setup) {
        addresses.register(setup.wallet());
        rails.put(rail, setup);
    }

    /** The crypto rails the operator configured (a rail needs a wallet key and a watcher). */
    public Set<Rail> rails() {
        return rails.keySet();
    }

    /** Opens the invoice of a freshly placed order (the checkout's invoice opener). */
    public Invoice open(Order order) {
        CryptoRail rail = rails.get(order.rail());
        if (rail == null) {
            throw new RejectedException("rail-unavailable", "this store takes no " + order.rail()
                    + " payments (no wallet key configured for it); choose one of " + rails.keySet());
        }
        int decimals = java.util.Currency.getInstance(order.currency()).getDefaultFractionDigits();
        Quotes.Quote quote = quotes.quote(order.total(), order.currency(), decimals, rail.asset());
        AddressBook.Assignment address = addresses.assign(rail.wallet(), order.id().toString());
        database.inTransaction(tx -> {
            tx.insertInto(INVOICES, ORDER, ASSET, ADDRESS, AMOUNT, RATE, CREATED, EXPIRES, STATUS, RECEIVED, FLAGS, CHECKED)
                    .values(order.id().toString(), rail.asset().code(), address.address(), quote.amount().toString(),
                            quote.rate().toPlainString(), quote.lockedAt().toEpochMilli(), order.expiresAt().toEpochMilli(),
                            InvoiceState.Status.NEW.name(), "0", "", 0L)
                    .execute();
            Timeline.append(tx, order.id(), clock.instant(), "invoice", quote.amount() + " base units of " + rail.asset().code()
                    + " at " + quote.rate().toPlainString() + " " + order.currency() + " to " + address.address()
                    + " (index " + address.index() + ")");
            return null;
        });
        return invoice(order.id());
    }

    public Invoice invoice(UUID order) {
        Record r = database.dsl().selectFrom(INVOICES).where(ORDER.eq(order.toString())).fetchOne();
        if (r == null) {
            throw new NotFoundException("order " + order + " has no crypto invoice");
        }
        Asset asset = assetOf(r.get(ASSET));
        CryptoRail rail = rails.get(Rail.valueOf(asset.code()));
        BigInteger amount = new BigInteger(r.get(AMOUNT));
        BigInteger received = new BigInteger(r.get(RECEIVED));
        BigInteger due = amount.subtract(received).max(BigInteger.ZERO);
        String uri = due.signum() == 0 ? null
                : new PaymentRequest(asset.chain(), r.get(ADDRESS), due, asset.token(), rail == null ? 1 : rail.chainId(), "Order " + order).uri();
        return new Invoice(order, asset, r.get(ADDRESS), amount, new BigDecimal(r.get(RATE)), Instant.ofEpochMilli(r.get(CREATED)),
                Instant.ofEpochMilli(r.get(EXPIRES)), InvoiceState.Status.valueOf(r.get(STATUS)), received, r.get(FLAGS), uri);
    }

    private Asset assetOf(String code) {
        return rails.values().stream().map(CryptoRail::asset).filter(a -> a.code().equals(code)).findFirst()
                .orElseGet(() -> switch (code) {
                    case "BTC" -> Asset.BTC;
                    case "ETH" -> Asset.ETH;
                    default -> Asset.USDC;
                });
    }

    /**
     * Checks every invoice still worth watching: open ones, and expired ones within the monitoring window (a
     * late payment goes to review, never lost). Returns how many changed.
     */
    public int monitor() {
        long now = clock.millis();
        long window = rails.values().stream().mapToLong(r -> r.rules().monitorWindow().toMillis()).max().orElse(0);
        List<String> open = database.dsl().select(ORDER).from(INVOICES)
                .where(STATUS.in(InvoiceState.Status.NEW.name(), InvoiceState.Status.PROCESSING.name())
                        .or(STATUS.eq(InvoiceState.Status.EXPIRED.name()).and(EXPIRES.gt(now - window))))
                .orderBy(CHECKED).limit(500).fetch(ORDER);
        prepare(open);
        int changed = 0;
        for (String id : open) {
            try {
                changed += check(UUID.fromString(id)) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warn("invoice of order {} could not be checked now: {}", id, e.toString());
            }
        }
        return changed;
    }

    /** When each rail's chain was last read without an error (a stalled watcher shows here first). */
    public Map<Rail, Instant> lastWatched() {
        return Map.copyOf(lastWatched);
    }

    /** Lets each rail's watcher read new blocks once for all the addresses about to be checked. */
    private void prepare(List<String> orders) {
        if (orders.isEmpty()) {
            rails.keySet().forEach(rail -> lastWatched.put(rail, clock.instant())); // nothing to read: not stalled
            return;
        }
        Map<String, List<String>> byAsset = new java.util.HashMap<>();
        database.dsl().select(ASSET, ADDRESS).from(INVOICES).where(ORDER.in(orders))
                .forEach(r -> byAsset.computeIfAbsent(r.value1(), a -> new ArrayList<>()).add(r.value2()));
        for (CryptoRail rail : rails.values()) {
            try {
                // Every address of the chain: a payment in another asset of it is found too (wrong asset, review).
                List<String> addresses = rails.values().stream().filter(r -> r.asset().chain() == rail.asset().chain())
                        .flatMap(r -> byAsset.getOrDefault(r.asset().code(), List.of()).stream()).toList();
                rail.watcher().prepare(addresses);
                lastWatched.put(Rail.valueOf(rail.asset().code()), clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("the {} watcher could not read new blocks now: {}", rail.asset().code(), e.toString());
            }
        }
    }

    /** Asks the chain about one invoice and moves it and its order on; true when its state changed. */
    public boolean check(UUID orderId) {
        Invoice invoice = invoice(orderId);
        CryptoRail rail = rails.get(Rail.valueOf(invoice.asset().code()));
        if (rail == null) {
            return false; // the rail was switched off after the invoice was opened; an operator settles it by hand
        }
        List<ObservedPayment> payments = rail.watcher().payments(invoice.address());
        InvoiceRules rules = orders.order(orderId).total() <= smallOrderMax
                ? rail.rules().withConfirmations(Math.min(smallOrderConfirmations, rail.rules().confirmations())) : rail.rules();
        InvoiceState state = rules.evaluate(invoice.amount(), invoice.expiresAt(), payments, clock.instant());
        String wrongAsset = wrongAsset(invoice, rail);
        String flags = flags(state, wrongAsset);
        boolean changed = state.status() != invoice.status() || !state.received().equals(invoice.received()) || !flags.equals(invoice.flags());
        boolean settled = database.inTransaction(tx -> {
            tx.update(INVOICES).set(STATUS, state.status().name()).set(RECEIVED, state.received().toString()).set(FLAGS, flags)
                    .set(CHECKED, clock.millis()).where(ORDER.eq(orderId.toString())).execute();
            if (!changed) {
                return false;
            }
            Timeline.append(tx, orderId, clock.instant(), "invoice " + state.status().name().toLowerCase(java.util.Locale.ROOT),
                    "received " + state.received() + " of " + invoice.amount() + " in " + payments.size() + " payment(s)"
                            + (flags.isEmpty() ? "" : "; " + flags));
            if (state.status() == InvoiceState.Status.SETTLED && wrongAsset == null) {
                return orders.settle(tx, orderId, "paid " + state.received() + " base units of " + invoice.asset().code()
                        + " with " + rules.confirmations() + "+ confirmations").isPresent();
            }
            return false;
        });
        if (settled) {
            addresses.markPaid(invoice.address());
            fulfilment.dispatch(orderId);
        } else if (changed) {
            follow(orderId, state, wrongAsset);
        }
        return changed;
    }

    /** Moves the order to where the invoice's new state puts it (settling is done in {@link #check}). */
    private void follow(UUID orderId, InvoiceState state, String wrongAsset) {
        Set<OrderStatus> open = Set.of(OrderStatus.PENDING, OrderStatus.EXPIRED);
        if (wrongAsset != null) {
            orders.move(orderId, open, OrderStatus.REVIEW, "review", wrongAsset);
        } else if (state.review()) {
            String why = state.paidLate() ? "paid in full after the quote expired" : state.status() == InvoiceState.Status.INVALID
                    ? "paid, but not confirmed within the monitoring window" : "paid partly, then the invoice expired";
            orders.move(orderId, open, OrderStatus.REVIEW, "review", why);
        } else if (state.status() == InvoiceState.Status.EXPIRED) {
            orders.move(orderId, Set.of(OrderStatus.PENDING), OrderStatus.EXPIRED, "expired", "not paid before " + "the quote expired");
        }
    }

    /** A payment in another asset of the same chain to this invoice's address: an operator must look at it. */
    private String wrongAsset(Invoice invoice, CryptoRail rail) {
        for (CryptoRail other : rails.values()) {
            if (other != rail && other.asset().chain() == rail.asset().chain() && !other.watcher().payments(invoice.address()).isEmpty()) {
                return "paid in " + other.asset().code() + " instead of " + invoice.asset().code();
            }
        }
        return null;
    }

    private static String flags(InvoiceState state, String wrongAsset) {
        List<String> flags = new ArrayList<>();
        if (state.paidPartially()) {
            flags.add("paid partially");
        }
        if (state.paidOver()) {
            flags.add("paid over");
        }
        if (state.paidLate()) {
            flags.add("paid late");
        }
        if (wrongAsset != null) {
            flags.add("wrong asset");
        }
        return String.join(", ", flags);
    }
}
