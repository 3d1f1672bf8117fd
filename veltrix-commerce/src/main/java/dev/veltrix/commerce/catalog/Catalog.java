package dev.veltrix.commerce.catalog;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.storage.Database;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * The store's catalog: categories, packages, coupons, timed sales and gift cards. Every save is checked as a
 * whole, all problems listed together, and written in one transaction or not at all.
 */
public final class Catalog {
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,39}");
    public static final long PRICE_MAX = 100_000_000_000L;
    static final Table<Record> CATEGORIES = table(name("commerce_categories"));
    static final Table<Record> PACKAGES = table(name("commerce_packages"));
    static final Table<Record> COUPONS = table(name("commerce_coupons"));
    static final Table<Record> SALES = table(name("commerce_sales"));
    static final Table<Record> GIFT_CARDS = table(name("commerce_gift_cards"));
    static final Field<String> ID_F = field(name("id"), String.class);
    static final Field<String> NAME = field(name("name"), String.class);
    static final Field<Integer> POSITION = field(name("position"), Integer.class);
    static final Field<Long> UPDATED = field(name("updated_at"), Long.class);
    static final Field<String> CATEGORY = field(name("category"), String.class);
    static final Field<String> DESCRIPTION = field(name("description"), String.class);
    static final Field<String> CURRENCY = field(name("currency"), String.class);
    static final Field<Long> PRICE = field(name("price"), Long.class);
    public static final Field<Integer> STOCK = field(name("stock"), Integer.class);
    static final Field<Integer> LIMIT = field(name("per_player_limit"), Integer.class);
    static final Field<Integer> DURATION = field(name("duration_days"), Integer.class);
    static final Field<String> DELIVERABLES = field(name("deliverables"), String.class);
    static final Field<Integer> ACTIVE = field(name("active"), Integer.class);
    static final Field<String> CODE_F = field(name("code"), String.class);
    static final Field<Integer> PERCENT = field(name("percent_off"), Integer.class);
    static final Field<Long> AMOUNT_OFF = field(name("amount_off"), Long.class);
    static final Field<String> SCOPE = field(name("scope"), String.class);
    static final Field<Long> EXPIRES = field(name("expires_at"), Long.class);
    static final Field<Integer> MAX_USES = field(name("max_uses"), Integer.class);
    public static final Field<Integer> USES = field(name("uses"), Integer.class);
    static final Field<Long> CREATED = field(name("created_at"), Long.class);
    static final Field<Long> STARTS = field(name("starts_at"), Long.class);
    static final Field<Long> ENDS = field(name("ends_at"), Long.class);
    static final Field<Long> INITIAL = field(name("initial"), Long.class);
    public static final Field<Long> BALANCE = field(name("balance"), Long.class);
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray(); // no 0/O, 1/I

    private final Database database;
    private final Clock clock;
    private final Predicate<String> gameCurrencyExists;
    private final Predicate<String> seasonExists;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param gameCurrencyExists whether the ledger knows a (lower-case) game currency
     * @param seasonExists       whether a battle-pass season exists
     */
    public Catalog(Database database, Clock clock, Predicate<String> gameCurrencyExists, Predicate<String> seasonExists) {
        this.database = database;
        this.clock = clock;
        this.gameCurrencyExists = gameCurrencyExists;
        this.seasonExists = seasonExists;
    }

    public Category putCategory(Category category) {
        List<FieldError> errors = new ArrayList<>();
        id("id", category.id(), errors);
        text("name", category.name(), 80, errors);
        fail("the category was not saved", errors);
        database.inTransaction(tx -> {
            if (tx.update(CATEGORIES).set(NAME, category.name()).set(POSITION, category.position()).set(UPDATED, clock.millis())
                    .where(ID_F.eq(category.id())).execute() == 0) {
                tx.insertInto(CATEGORIES, ID_F, NAME, POSITION, UPDATED)
                        .values(category.id(), category.name(), category.position(), clock.millis()).execute();
            }
            return null;
        });
        return category;
    }

    public List<Category> categories() {
        return database.dsl().selectFrom(CATEGORIES).orderBy(POSITION, ID_F)
                .fetch(r -> new Category(r.get(ID_F), r.get(NAME), r.get(POSITION)));
    }

    /** Saves a package, new or changed; orders already placed keep the price they were placed at. */
    public StorePackage putPackage(StorePackage pkg) {
        List<FieldError> errors = new ArrayList<>();
        id("id", pkg.id(), errors);
        text("name", pkg.name(), 80, errors);
        if (pkg.description() == null || pkg.description().length() > 2_000) {
            errors.add(new FieldError("description", "at most 2000 characters"));
        }
        price("currency", "price", pkg.currency(), pkg.price(), errors);
        if (pkg.stock() != null && pkg.stock() < 0) {
            errors.add(new FieldError("stock", "units left, 0 or more, or null for unlimited"));
        }
        if (pkg.perPlayerLimit() != null && pkg.perPlayerLimit() < 1) {
            errors.add(new FieldError("perPlayerLimit", "at least 1, or null for no limit"));
        }
        if (pkg.durationDays() != null && (pkg.durationDays() < 1 || pkg.durationDays() > 3_650)) {
            errors.add(new FieldError("durationDays", "1..3650 days for a timed package, or null for a permanent one"));
        }
        for (int i = 0; i < pkg.deliverables().size(); i++) {
            Deliverable d = pkg.deliverables().get(i);
            if (d instanceof Deliverable.CurrencyGrant g && !g.currency().isEmpty() && !gameCurrencyExists.test(g.currency())) {
                errors.add(new FieldError("deliverables[" + i + "].currency", "no game currency " + g.currency() + "; create it first"));
            }
            if (d instanceof Deliverable.PassPremium p && !p.season().isEmpty() && !seasonExists.test(p.season())) {
                errors.add(new FieldError("deliverables[" + i + "].season", "no battle-pass season " + p.season() + "; create it first"));
            }
            if (d instanceof Deliverable.Command c && c.on() == Deliverable.Command.Trigger.EXPIRY && pkg.durationDays() == null) {
                errors.add(new FieldError("deliverables[" + i + "].on", "only a timed package (durationDays set) runs commands on expiry"));
            }
        }
        if (pkg.deliverables().stream().noneMatch(d -> !(d instanceof Deliverable.Command c) || c.on() == Deliverable.Command.Trigger.PURCHASE)) {
            errors.add(new FieldError("deliverables", "a package must deliver something at purchase, not only on expiry"));
        }
        if (pkg.category() != null && ID.matcher(pkg.category()).matches()
                && !database.dsl().fetchExists(CATEGORIES, ID_F.eq(pkg.category()))) {
            errors.add(new FieldError("category", "no category " + pkg.category() + "; create it first"));
        } else {
            id("category", pkg.category(), errors);
        }
        fail("the package was not saved", errors);
        String deliverables = DeliverableCodec.write(pkg.deliverables()).toString();
        database.inTransaction(tx -> {
            long now = clock.millis();
            int updated = tx.update(PACKAGES).set(CATEGORY, pkg.category()).set(NAME, pkg.name()).set(DESCRIPTION, pkg.description())
                    .set(CURRENCY, pkg.currency()).set(PRICE, pkg.price()).set(STOCK, pkg.stock()).set(LIMIT, pkg.perPlayerLimit())
                    .set(DURATION, pkg.durationDays()).set(DELIVERABLES, deliverables).set(ACTIVE, pkg.active() ? 1 : 0)
                    .set(UPDATED, now).where(ID_F.eq(pkg.id())).execute();
            if (updated == 0) {
                tx.insertInto(PACKAGES, ID_F, CATEGORY, NAME, DESCRIPTION, CURRENCY, PRICE, STOCK, LIMIT, DURATION, DELIVERABLES, ACTIVE, UPDATED)
                        .values(pkg.id(), pkg.category(), pkg.name(), pkg.description(), pkg.currency(), pkg.price(), pkg.stock(),
                                pkg.perPlayerLimit(), pkg.durationDays(), deliverables, pkg.active() ? 1 : 0, now).execute();
            }
            return null;
        });
        return pkg;
    }

    public List<StorePackage> packages(boolean activeOnly) {
        var query = database.dsl().selectFrom(PACKAGES);
        return (activeOnly ? query.where(ACTIVE.eq(1)) : query.where()).orderBy(CATEGORY, PRICE, ID_F).fetch(Catalog::readPackage);
    }

    public StorePackage pkg(String id) {
        return find(database.dsl(), id).orElseThrow(() -> new NotFoundException("no package " + id));
    }

    public static Optional<StorePackage> find(DSLContext tx, String id) {
        return tx.selectFrom(PACKAGES).where(ID_F.eq(id)).fetchOptional(Catalog::readPackage);
    }

    private static StorePackage readPackage(Record r) {
        return new StorePackage(r.get(ID_F), r.get(CATEGORY), r.get(NAME), r.get(DESCRIPTION), r.get(CURRENCY), r.get(PRICE),
                r.get(STOCK), r.get(LIMIT), r.get(DURATION), DeliverableCodec.parseStored(r.get(DELIVERABLES)), r.get(ACTIVE) == 1);
    }

    public Coupon putCoupon(Coupon coupon) {
        List<FieldError> errors = new ArrayList<>();
        code("code", coupon.code(), errors);
        if ((coupon.percentOff() == null) == (coupon.amountOff() == null)) {
            errors.add(new FieldError("percentOff", "give either percentOff (1..100) or amountOff with its currency"));
        } else if (coupon.percentOff() != null && (coupon.percentOff() < 1 || coupon.percentOff() > 100)) {
            errors.add(new FieldError("percentOff", "1..100 percent"));
        } else if (coupon.amountOff() != null) {
            price("currency", "amountOff", coupon.currency(), coupon.amountOff(), errors);
        }
        if (coupon.maxUses() != null && coupon.maxUses() < 1) {
            errors.add(new FieldError("maxUses", "at least 1, or null for unlimited"));
        }
        scope(coupon.scope(), errors);
        fail("the coupon was not saved", errors);
        database.inTransaction(tx -> {
            Long expires = coupon.expiresAt() == null ? null : coupon.expiresAt().toEpochMilli();
            int updated = tx.update(COUPONS).set(PERCENT, coupon.percentOff()).set(AMOUNT_OFF, coupon.amountOff())
                    .set(CURRENCY, coupon.currency()).set(SCOPE, String.join(",", coupon.scope())).set(EXPIRES, expires)
                    .set(MAX_USES, coupon.maxUses()).where(CODE_F.eq(coupon.code())).execute();
            if (updated == 0) {
                tx.insertInto(COUPONS, CODE_F, PERCENT, AMOUNT_OFF, CURRENCY, SCOPE, EXPIRES, MAX_USES, USES, CREATED)
                        .values(coupon.code(), coupon.percentOff(), coupon.amountOff(), coupon.currency(),
                                String.join(",", coupon.scope()), expires, coupon.maxUses(), 0, clock.millis()).execute();
            }
            return null;
        });
        return coupon(coupon.code());
    }

    public Coupon coupon(String code) {
        return findCoupon(database.dsl(), code).orElseThrow(() -> new NotFoundException("no coupon " + code));
    }

    public static Optional<Coupon> findCoupon(DSLContext tx, String code) {
        return tx.selectFrom(COUPONS).where(CODE_F.eq(code)).fetchOptional(r -> new Coupon(r.get(CODE_F), r.get(PERCENT),
                r.get(AMOUNT_OFF), r.get(CURRENCY), split(r.get(SCOPE)),
                r.get(EXPIRES) == null ? null : Instant.ofEpochMilli(r.get(EXPIRES)), r.get(MAX_USES), r.get(USES)));
    }

    public List<Coupon> coupons() {
        return database.dsl().select(CODE_F).from(COUPONS).orderBy(CODE_F).fetch(CODE_F).stream().map(this::coupon).toList();
    }

    public Sale putSale(Sale sale) {
        List<FieldError> errors = new ArrayList<>();
        id("id", sale.id(), errors);
        text("name", sale.name(), 80, errors);
        if (sale.percentOff() < 1 || sale.percentOff() > 99) {
            errors.add(new FieldError("percentOff", "1..99 percent"));
        }
        if (sale.startsAt() == null || sale.endsAt() == null || !sale.endsAt().isAfter(sale.startsAt())) {
            errors.add(new FieldError("endsAt", "a sale needs startsAt and an endsAt after it (ISO-8601 instants)"));
        }
        scope(sale.scope(), errors);
        fail("the sale was not saved", errors);
        database.inTransaction(tx -> {
            tx.deleteFrom(SALES).where(ID_F.eq(sale.id())).execute();
            tx.insertInto(SALES, ID_F, NAME, PERCENT, SCOPE, STARTS, ENDS).values(sale.id(), sale.name(), sale.percentOff(),
                    String.join(",", sale.scope()), sale.startsAt().toEpochMilli(), sale.endsAt().toEpochMilli()).execute();
            return null;
        });
        return sale;
    }

    /** Sales running at {@code at}; where several cover a package, the deepest applies. */
    public static List<Sale> salesAt(DSLContext tx, Instant at) {
        return tx.selectFrom(SALES).where(STARTS.le(at.toEpochMilli()), ENDS.gt(at.toEpochMilli())).fetch(Catalog::readSale);
    }

    public List<Sale> sales() {
        return database.dsl().selectFrom(SALES).orderBy(STARTS).fetch(Catalog::readSale);
    }

    private static Sale readSale(Record r) {
        return new Sale(r.get(ID_F), r.get(NAME), r.get(PERCENT), split(r.get(SCOPE)), Instant.ofEpochMilli(r.get(STARTS)),
                Instant.ofEpochMilli(r.get(ENDS)));
    }

    /** Issues a gift card with a fresh random code (32^12 codes: not guessable). */
    public GiftCard issueGiftCard(String currency, long amount) {
        List<FieldError> errors = new ArrayList<>();
        price("currency", "amount", currency, amount, errors);
        if (currency != null && !StorePackage.isFiat(currency)) {
            errors.add(new FieldError("currency", "gift cards hold a fiat currency (USD, EUR, ...)"));
        }
        fail("no gift card was issued", errors);
        char[] code = new char[14];
        for (int i = 0; i < code.length; i++) {
            code[i] = i == 4 || i == 9 ? '-' : CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)];
        }
        GiftCard card = new GiftCard(new String(code), currency, amount, amount);
        database.inTransaction(tx -> tx.insertInto(GIFT_CARDS, CODE_F, CURRENCY, INITIAL, BALANCE, CREATED)
                .values(card.code(), currency, amount, amount, clock.millis()).execute());
        return card;
    }

    public static Optional<GiftCard> findGiftCard(DSLContext tx, String code) {
        return tx.selectFrom(GIFT_CARDS).where(CODE_F.eq(code))
                .fetchOptional(r -> new GiftCard(r.get(CODE_F), r.get(CURRENCY), r.get(INITIAL), r.get(BALANCE)));
    }

    public GiftCard giftCard(String code) {
        return findGiftCard(database.dsl(), code).orElseThrow(() -> new NotFoundException("no gift card " + code));
    }

    private void price(String currencyField, String amountField, String currency, long amount, List<FieldError> errors) {
        if (currency == null || currency.isEmpty()) {
            errors.add(new FieldError(currencyField, "a fiat currency (USD, EUR, ...) or a game currency of the ledger"));
        } else if (StorePackage.isFiat(currency)) {
            try {
                java.util.Currency.getInstance(currency);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(currencyField, currency + " is not an ISO 4217 currency"));
            }
        } else if (!gameCurrencyExists.test(currency)) {
            errors.add(new FieldError(currencyField, "no game currency " + currency + "; fiat codes are upper case (USD), game currencies lower case"));
        }
        if (amount < 1 || amount > PRICE_MAX) {
            errors.add(new FieldError(amountField, "1.." + PRICE_MAX + " in the currency's minor unit (cents: 499 is 4.99)"));
        }
    }

    private void scope(Collection<String> scope, List<FieldError> errors) {
        for (String s : scope) {
            if (!ID.matcher(s).matches()) {
                errors.add(new FieldError("scope", "package or category ids, got \"" + s + "\""));
            }
        }
    }

    private static void id(String field, String value, List<FieldError> errors) {
        if (value == null || !ID.matcher(value).matches()) {
            errors.add(new FieldError(field, "1..40 lower-case letters, digits and -, starting with a letter or digit"));
        }
    }

    private static void code(String field, String value, List<FieldError> errors) {
        if (value == null || !CODE.matcher(value).matches()) {
            errors.add(new FieldError(field, "3..40 upper-case letters, digits and -"));
        }
    }

    private static void text(String field, String value, int max, List<FieldError> errors) {
        if (value == null || value.isBlank() || value.length() > max) {
            errors.add(new FieldError(field, "1.." + max + " characters"));
        }
    }

    private static void fail(String what, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(what, errors);
        }
    }

    static Set<String> split(String scope) {
        return scope == null || scope.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(scope.split(",")));
    }
}
