package dev.veltrix.commerce.orders;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.table;

import dev.veltrix.commerce.catalog.Catalog;
import dev.veltrix.commerce.catalog.Coupon;
import dev.veltrix.commerce.catalog.GiftCard;
import dev.veltrix.commerce.catalog.StorePackage;
import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.core.id.UuidV7;
import dev.veltrix.storage.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Places orders and moves them through their life. Placing prices the basket from the catalog and reserves
 * what it takes (stock, a coupon use, the gift card's amount) in one transaction, so two buyers can never
 * both get the last unit; an order that is not paid gives them back when it expires.
 */
public final class Orders {
    public static final Pattern PLAYER_NAME = Pattern.compile("[A-Za-z0-9_]{3,16}");
    public static final int LINES_MAX = 20;
    public static final int QUANTITY_MAX = 100;
    static final Table<Record> ORDERS = table(name("commerce_orders"));
    static final Field<String> ID = field(name("id"), String.class);
    static final Field<String> PLAYER = field(name("player"), String.class);
    static final Field<String> PLAYER_NAME_F = field(name("player_name"), String.class);
    static final Field<String> CURRENCY = field(name("currency"), String.class);
    static final Field<Long> SUBTOTAL = field(name("subtotal"), Long.class);
    static final Field<Long> DISCOUNT = field(name("discount"), Long.class);
    static final Field<String> COUPON = field(name("coupon"), String.class);
    static final Field<String> GIFT_CARD = field(name("gift_card"), String.class);
    static final Field<Long> GIFT_AMOUNT = field(name("gift_card_amount"), Long.class);
    static final Field<Long> TOTAL = field(name("total"), Long.class);
    static final Field<String> RAIL = field(name("rail"), String.class);
    static final Field<String> STATUS = field(name("status"), String.class);
    static final Field<Long> CREATED = field(name("created_at"), Long.class);
    static final Field<Long> EXPIRES = field(name("expires_at"), Long.class);
    static final Field<Long> SETTLED = field(name("settled_at"), Long.class);
    static final Field<Integer> RESERVED = field(name("reserved"), Integer.class);
    static final Table<Record> LINES = table(name("commerce_order_lines"));
    static final Field<String> L_ORDER = field(name("order_id"), String.class);
    static final Field<String> L_PACKAGE = field(name("package_id"), String.class);
    static final Field<String> L_NAME = field(name("name"), String.class);
    static final Field<Integer> L_QUANTITY = field(name("quantity"), Integer.class);
    static final Field<Long> L_UNIT = field(name("unit_price"), Long.class);
    private static final Table<Record> PACKAGES = table(name("commerce_packages"));
    private static final Field<String> P_ID = field(name("id"), String.class);
    private static final Table<Record> COUPONS = table(name("commerce_coupons"));
    private static final Table<Record> GIFT_CARDS = table(name("commerce_gift_cards"));
    private static final Field<String> CODE = field(name("code"), String.class);
    private static final Field<Integer> MAX_USES = field(name("max_uses"), Integer.class);

    private final Database database;
    private final Clock clock;
    private final PlayerDirectory players;
    private final Duration payWindow;
    private final List<SettleListener> settled = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Told, inside the settling transaction, that an order was paid: the fulfilment writes its deliveries. */
    @FunctionalInterface
    public interface SettleListener {
        void settled(DSLContext tx, Order order);
    }

    /** @param payWindow how long an order waits for its payment (the quote's lock for crypto) */
    public Orders(Database database, Clock clock, PlayerDirectory players, Duration payWindow) {
        this.database = database;
        this.clock = clock;
        this.players = players;
        this.payWindow = payWindow;
    }

    public void onSettled(SettleListener listener) {
        settled.add(listener);
    }

    public Database database() {
        return database;
    }

    /** Checks the request's shape and finds the player; the basket is priced when it is reserved. */
    public PlayerDirectory.Known check(PlaceOrder request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.playerName() == null || !PLAYER_NAME.matcher(request.playerName()).matches()) {
            errors.add(new FieldError("playerName", "the in-game name to deliver to: 3..16 letters, digits or _"));
        }
        if (request.lines().isEmpty() || request.lines().size() > LINES_MAX) {
            errors.add(new FieldError("lines", "1.." + LINES_MAX + " packages"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            PlaceOrder.Line line = request.lines().get(i);
            if (line.packageId() == null || !seen.add(line.packageId())) {
                errors.add(new FieldError("lines[" + i + "].packageId", "a package id, each package once (use quantity)"));
            }
            if (line.quantity() < 1 || line.quantity() > QUANTITY_MAX) {
                errors.add(new FieldError("lines[" + i + "].quantity", "1.." + QUANTITY_MAX));
            }
        }
        if (request.coupon() != null && !Catalog.CODE.matcher(request.coupon()).matches()) {
            errors.add(new FieldError("coupon", "a coupon code: 3..40 upper-case letters, digits and -"));
        }
        if (request.giftCard() != null && !Catalog.CODE.matcher(request.giftCard()).matches()) {
            errors.add(new FieldError("giftCard", "a gift card code such as ABCD-EFGH-JKLM"));
        }
        if (request.rail() == null) {
            errors.add(new FieldError("rail", "how to pay: " + Rail.list()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the order was not placed", errors);
        }
        return players.resolve(request.playerName()).orElseThrow(() -> new RejectedException("unknown-player",
                "no player named " + request.playerName() + " has joined the network yet; join once, then buy"));
    }

    /**
     * Prices the basket and reserves what it takes inside {@code tx}, then writes the order as pending (or
     * settles it at once when a gift card covers it all). The caller's transaction makes it all or nothing.
     */
    public Order reserve(DSLContext tx, UUID id, PlayerDirectory.Known buyer, PlaceOrder request) {
        UUID player = buyer.id();
        Instant now = clock.instant();
        List<Pricing.Item> items = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            PlaceOrder.Line line = request.lines().get(i);
            int index = i;
            StorePackage pkg = Catalog.find(tx, line.packageId()).filter(StorePackage::active).orElseThrow(() ->
                    InvalidInputException.of("lines[" + index + "].packageId", "no package " + line.packageId() + " is for sale"));
            items.add(new Pricing.Item(pkg, line.quantity()));
        }
        String currency = items.getFirst().pkg().currency();
        if (items.stream().anyMatch(item -> !item.pkg().currency().equals(currency))) {
            throw InvalidInputException.of("lines", "a basket holds packages priced in one currency; order the others separately");
        }
        boolean fiat = StorePackage.isFiat(currency);
        if (fiat == (request.rail() == Rail.GAME)) {
            throw InvalidInputException.of("rail", fiat ? "packages priced in " + currency + " are paid with btc, eth, usdc or gift_card"
                    : "packages priced in " + currency + " are paid from the player's balance: rail game");
        }
        Coupon coupon = request.coupon() == null ? null : coupon(tx, request.coupon(), currency, now, items);
        Pricing.Priced priced = Pricing.price(items, Catalog.salesAt(tx, now), coupon, now);
        for (Pricing.Item item : items) {
            take(tx, item, player);
        }
        long giftAmount = 0;
        if (request.giftCard() != null) {
            GiftCard card = Catalog.findGiftCard(tx, request.giftCard())
                    .orElseThrow(() -> InvalidInputException.of("giftCard", "no gift card " + request.giftCard()));
            if (!card.currency().equals(currency)) {
                throw InvalidInputException.of("giftCard", "this gift card holds " + card.currency() + ", the basket is in " + currency);
            }
            giftAmount = Math.min(card.balance(), priced.total());
            if (giftAmount == 0) {
                throw new RejectedException("gift-card-empty", "gift card " + card.code() + " has nothing left on it");
            }
            if (tx.update(GIFT_CARDS).set(Catalog.BALANCE, Catalog.BALANCE.minus(giftAmount))
                    .where(CODE.eq(card.code()), Catalog.BALANCE.ge(giftAmount)).execute() == 0) {
                throw new ConflictException("gift-card-changed", "gift card " + card.code() + " was spent elsewhere at the same moment; try again");
            }
        }
        long total = priced.total() - giftAmount;
        Rail rail = total == 0 && fiat ? Rail.GIFT_CARD : request.rail();
        if (rail == Rail.GIFT_CARD && total > 0) {
            throw new RejectedException("gift-card-short", "the gift card covers " + giftAmount + " of " + priced.total()
                    + " " + currency + " minor units; choose btc, eth or usdc for the rest");
        }
        Order order = new Order(id, player, buyer.name(), currency, priced.lines(), priced.subtotal(), priced.discount(),
                request.coupon(), request.giftCard(), giftAmount, total, rail, OrderStatus.PENDING, now, now.plus(payWindow), null);
        insert(tx, order);
        Timeline.append(tx, id, now, "placed", priced.lines().size() + " package(s), total " + total + " " + currency
                + (priced.discount() > 0 ? ", coupon " + request.coupon() + " -" + priced.discount() : "")
                + (giftAmount > 0 ? ", gift card -" + giftAmount : "") + ", paid by " + rail.name().toLowerCase(java.util.Locale.ROOT));
        return rail == Rail.GIFT_CARD ? settle(tx, id, "covered by gift card " + request.giftCard()).orElseThrow() : order;
    }

    /** What {@link #reserve} would place, without keeping anything: the reservation is rolled back. */
    public Order quote(UUID id, PlayerDirectory.Known player, PlaceOrder request) {
        try {
            database.inTransaction(tx -> {
                throw new DryRun(reserve(tx, id, player, request));
            });
            throw new IllegalStateException("unreachable");
        } catch (DryRun dryRun) {
            return dryRun.order;
        }
    }

    /** Rolls a priced reservation back while carrying its result out. */
    private static final class DryRun extends RuntimeException {
        private final transient Order order;

        DryRun(Order order) {
            super(null, null, false, false);
            this.order = order;
        }
    }

    private Coupon coupon(DSLContext tx, String code, String currency, Instant now, List<Pricing.Item> items) {
        Coupon coupon = Catalog.findCoupon(tx, code).orElseThrow(() -> InvalidInputException.of("coupon", "no coupon " + code));
        if (coupon.expiresAt() != null && !now.isBefore(coupon.expiresAt())) {
            throw new RejectedException("coupon-expired", "coupon " + code + " expired at " + coupon.expiresAt());
        }
        if (coupon.amountOff() != null && !coupon.currency().equals(currency)) {
            throw new RejectedException("coupon-currency", "coupon " + code + " takes " + coupon.currency() + " off; the basket is in " + currency);
        }
        if (items.stream().noneMatch(item -> coupon.covers(item.pkg()))) {
            throw new RejectedException("coupon-scope", "coupon " + code + " does not apply to any package in the basket");
        }
        int used = tx.update(COUPONS).set(Catalog.USES, Catalog.USES.plus(1))
                .where(CODE.eq(code), MAX_USES.isNull().or(Catalog.USES.lt(MAX_USES))).execute();
        if (used == 0) {
            throw new RejectedException("coupon-used-up", "coupon " + code + " has been used as often as it may be");
        }
        return coupon;
    }

    /** Takes a line's units from stock and checks the player's limit, or refuses the whole order. */
    private void take(DSLContext tx, Pricing.Item item, UUID player) {
        StorePackage pkg = item.pkg();
        if (pkg.stock() != null) {
            int taken = tx.update(PACKAGES).set(Catalog.STOCK, Catalog.STOCK.minus(item.quantity()))
                    .where(P_ID.eq(pkg.id()), Catalog.STOCK.ge(item.quantity())).execute();
            if (taken == 0) {
                throw new ConflictException("sold-out", pkg.name() + " has fewer than " + item.quantity() + " left");
            }
        }
        if (pkg.perPlayerLimit() != null) {
            Long bought = tx.select(sum(L_QUANTITY)).from(LINES).join(ORDERS).on(ID.eq(L_ORDER))
                    .where(PLAYER.eq(player.toString()), L_PACKAGE.eq(pkg.id()),
                            STATUS.in(OrderStatus.PENDING.name(), OrderStatus.PAID.name(), OrderStatus.REVIEW.name()))
                    .fetchOne(0, Long.class);
            long already = bought == null ? 0 : bought;
            if (already + item.quantity() > pkg.perPlayerLimit()) {
                throw new RejectedException("limit-reached", pkg.name() + " is limited to " + pkg.perPlayerLimit()
                        + " per player; this player has " + already + " already");
            }
        }
    }

    /** Gives back what an unpaid order reserved, once (the order's {@code reserved} flag guards it). */
    private void release(DSLContext tx, Order order) {
        if (tx.update(ORDERS).set(RESERVED, 0).where(ID.eq(order.id().toString()), RESERVED.eq(1)).execute() == 0) {
            return;
        }
        for (OrderLine line : order.lines()) {
            tx.update(PACKAGES).set(Catalog.STOCK, Catalog.STOCK.plus(line.quantity()))
                    .where(P_ID.eq(line.packageId()), Catalog.STOCK.isNotNull()).execute();
        }
        if (order.coupon() != null) {
            tx.update(COUPONS).set(Catalog.USES, Catalog.USES.minus(1)).where(CODE.eq(order.coupon()), Catalog.USES.gt(0)).execute();
        }
        if (order.giftCardAmount() > 0) {
            tx.update(GIFT_CARDS).set(Catalog.BALANCE, Catalog.BALANCE.plus(order.giftCardAmount())).where(CODE.eq(order.giftCard())).execute();
        }
    }

    private void insert(DSLContext tx, Order o) {
        tx.insertInto(ORDERS, ID, PLAYER, PLAYER_NAME_F, CURRENCY, SUBTOTAL, DISCOUNT, COUPON, GIFT_CARD, GIFT_AMOUNT, TOTAL, RAIL,
                        STATUS, CREATED, EXPIRES)
                .values(o.id().toString(), o.player().toString(), o.playerName(), o.currency(), o.subtotal(), o.discount(), o.coupon(),
                        o.giftCard(), o.giftCardAmount(), o.total(), o.rail().name(), o.status().name(), o.createdAt().toEpochMilli(),
                        o.expiresAt().toEpochMilli())
                .execute();
        var insert = tx.insertInto(LINES, L_ORDER, L_PACKAGE, L_NAME, L_QUANTITY, L_UNIT);
        for (OrderLine line : o.lines()) {
            insert = insert.values(o.id().toString(), line.packageId(), line.name(), line.quantity(), line.unitPrice());
        }
        insert.execute();
    }

    /** Marks a pending order (or one in review) paid and lets the fulfilment write its deliveries; false if it was not open. */
    public Optional<Order> settle(DSLContext tx, UUID id, String why) {
        find(tx, id).orElseThrow(() -> new NotFoundException("no order " + id));
        int updated = tx.update(ORDERS).set(STATUS, OrderStatus.PAID.name()).set(SETTLED, clock.millis())
                .where(ID.eq(id.toString()), STATUS.in(OrderStatus.PENDING.name(), OrderStatus.REVIEW.name())).execute();
        if (updated == 0) {
            return Optional.empty();
        }
        Timeline.append(tx, id, clock.instant(), "settled", why);
        Order paid = find(tx, id).orElseThrow();
        OrderEvents.append(tx, paid, clock.instant());
        for (SettleListener listener : settled) {
            listener.settled(tx, paid);
        }
        return Optional.of(paid);
    }

    /** Marks a paid order refunded inside {@code tx}; false when it was not paid (refunded already, say). */
    public boolean markRefunded(DSLContext tx, UUID id) {
        boolean refunded = tx.update(ORDERS).set(STATUS, OrderStatus.REFUNDED.name())
                .where(ID.eq(id.toString()), STATUS.eq(OrderStatus.PAID.name())).execute() == 1;
        if (refunded) {
            Order order = find(tx, id).orElseThrow();
            if (order.giftCardAmount() > 0) {
                // What a gift card paid goes back on it; the rest is refunded where it was paid.
                tx.update(GIFT_CARDS).set(Catalog.BALANCE, Catalog.BALANCE.plus(order.giftCardAmount())).where(CODE.eq(order.giftCard())).execute();
            }
            OrderEvents.append(tx, find(tx, id).orElseThrow(), clock.instant());
        }
        return refunded;
    }

    /** Settles in a transaction of its own. */
    public Optional<Order> settle(UUID id, String why) {
        return database.inTransaction(tx -> settle(tx, id, why));
    }

    /**
     * Moves an order from {@code from} to {@code to} with a timeline entry; gives back its reservations when an
     * unpaid order closes. False when the order was not in {@code from}.
     */
    public boolean move(UUID id, Set<OrderStatus> from, OrderStatus to, String kind, String why) {
        return database.inTransaction(tx -> {
            Order order = find(tx, id).orElseThrow(() -> new NotFoundException("no order " + id));
            if (!from.contains(order.status())) {
                return false;
            }
            tx.update(ORDERS).set(STATUS, to.name()).where(ID.eq(id.toString()), STATUS.eq(order.status().name())).execute();
            OrderEvents.append(tx, find(tx, id).orElseThrow(), clock.instant());
            // An unpaid order that closes gives back what it reserved (one in review may still hold it).
            if (to == OrderStatus.EXPIRED || to == OrderStatus.CANCELLED) {
                release(tx, order);
            }
            Timeline.append(tx, id, clock.instant(), kind, why);
            return true;
        });
    }

    public Order order(UUID id) {
        return find(database.dsl(), id).orElseThrow(() -> new NotFoundException("no order " + id));
    }

    public Optional<Order> find(DSLContext tx, UUID id) {
        Record r = tx.selectFrom(ORDERS).where(ID.eq(id.toString())).fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        List<OrderLine> lines = tx.selectFrom(LINES).where(L_ORDER.eq(id.toString())).orderBy(L_PACKAGE)
                .fetch(l -> new OrderLine(l.get(L_PACKAGE), l.get(L_NAME), l.get(L_QUANTITY), l.get(L_UNIT)));
        return Optional.of(new Order(id, UUID.fromString(r.get(PLAYER)), r.get(PLAYER_NAME_F), r.get(CURRENCY), lines,
                r.get(SUBTOTAL), r.get(DISCOUNT), r.get(COUPON), r.get(GIFT_CARD), r.get(GIFT_AMOUNT), r.get(TOTAL),
                Rail.valueOf(r.get(RAIL)), OrderStatus.valueOf(r.get(STATUS)), Instant.ofEpochMilli(r.get(CREATED)),
                Instant.ofEpochMilli(r.get(EXPIRES)), r.get(SETTLED) == null ? null : Instant.ofEpochMilli(r.get(SETTLED))));
    }

    /** The newest orders, optionally of one player, newest first. */
    public List<Order> recent(UUID player, int limit) {
        var where = player == null ? ID.isNotNull() : PLAYER.eq(player.toString());
        return database.dsl().select(ID).from(ORDERS).where(where).orderBy(CREATED.desc(), ID.desc()).limit(limit)
                .fetch(r -> UUID.fromString(r.get(ID))).stream().map(this::order).toList();
    }

    /** How many orders are in {@code status}. */
    public int count(OrderStatus status) {
        return database.dsl().fetchCount(ORDERS, STATUS.eq(status.name()));
    }

    public List<TimelineEntry> timeline(UUID id) {
        order(id);
        return Timeline.of(database.dsl(), id);
    }

    /** Revenue of paid orders per day and currency, for the sales dashboard. */
    public List<DayRevenue> revenue(Instant from, Instant to) {
        List<DayRevenue> days = new ArrayList<>();
        database.dsl().select(SETTLED, CURRENCY, TOTAL, GIFT_AMOUNT).from(ORDERS)
                .where(STATUS.eq(OrderStatus.PAID.name()), SETTLED.ge(from.toEpochMilli()), SETTLED.lt(to.toEpochMilli()))
                .forEach(r -> {
                    java.time.LocalDate day = Instant.ofEpochMilli(r.get(SETTLED)).atZone(java.time.ZoneOffset.UTC).toLocalDate();
                    days.add(new DayRevenue(day, r.get(CURRENCY), r.get(TOTAL) + r.get(GIFT_AMOUNT), 1));
                });
        return DayRevenue.merge(days);
    }

    public static UUID newId() {
        return UuidV7.next();
    }
}
