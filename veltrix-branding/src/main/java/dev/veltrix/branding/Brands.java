package dev.veltrix.branding;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veltrix.core.error.ConflictException;
import dev.veltrix.core.error.FieldError;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.core.error.RejectedException;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.SchemaModule;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Brands in SQL. An edit saves the brand's draft (readable fields checked, contrast not yet); publishing checks the
 * contrast (a brand that fails is not published, its failing pairs named) and that its host names are its own, then
 * makes it live in one transaction. Every version is kept: history, and rollback to any of them (as a new version).
 * Pages find their brand by host name, else the default brand, else Veltrix's own; answers are cached a few seconds.
 */
public final class Brands {
    public static final SchemaModule SCHEMA = new SchemaModule("branding");
    static final Table<Record> VERSIONS = table(name("brand_versions"));
    static final Field<String> B_ID = field(name("brand_id"), String.class);
    static final Field<Integer> B_VERSION = field(name("version"), Integer.class);
    static final Field<String> B_STATE = field(name("state"), String.class);
    static final Field<String> B_DEFINITION = field(name("definition"), String.class);
    static final Field<String> B_LOGO_TYPE = field(name("logo_type"), String.class);
    static final Field<String> B_LOGO = field(name("logo"), String.class);
    static final Field<String> B_FAVICON_TYPE = field(name("favicon_type"), String.class);
    static final Field<String> B_FAVICON = field(name("favicon"), String.class);
    static final Field<String> B_BY = field(name("saved_by"), String.class);
    static final Field<Long> B_AT = field(name("saved_at"), Long.class);
    static final Field<Long> B_PUBLISHED = field(name("published_at"), Long.class);
    static final Table<Record> HOSTS = table(name("brand_hosts"));
    static final Field<String> H_HOST = field(name("host"), String.class);
    static final Table<Record> SETTINGS = table(name("brand_settings"));
    static final Field<String> S_NAME = field(name("name"), String.class);
    static final Field<String> S_VALUE = field(name("value"), String.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CACHE_MS = 2_000;
    private static final int HOSTS_CACHED_MAX = 1_000;

    private final Database database;
    private final Clock clock;
    private final Map<String, Cached> byHost = new ConcurrentHashMap<>();

    private record Cached(Live live, long at) {
    }

    /** A brand's version with whether it has a logo and a favicon (served from that version). */
    public record Live(Brand brand, int version, boolean logo, boolean favicon) {
    }

    public Brands(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Every problem of a brand's fields (not its contrast); empty when it can be saved. */
    public List<FieldError> check(Brand brand) {
        return BrandRules.check(brand);
    }

    /**
     * Saves the brand's draft, replacing an earlier draft. A logo or favicon given (null: keep the one the brand has)
     * must be a PNG or a safe SVG (an SVG is sanitised). Returns the draft's version.
     */
    public BrandVersion saveDraft(Brand brand, Asset logo, Asset favicon, String by) {
        List<FieldError> errors = check(brand);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("the brand was not saved", errors);
        }
        String definition = write(brand);
        int version = database.inTransaction(tx -> {
            Record previous = tx.selectFrom(VERSIONS).where(B_ID.eq(brand.id()), B_STATE.in(BrandVersion.DRAFT, BrandVersion.PUBLISHED))
                    .orderBy(B_VERSION.desc()).limit(1).fetchOne();
            tx.deleteFrom(VERSIONS).where(B_ID.eq(brand.id()), B_STATE.eq(BrandVersion.DRAFT)).execute();
            Integer last = tx.select(max(B_VERSION)).from(VERSIONS).where(B_ID.eq(brand.id())).fetchOne(0, Integer.class);
            int next = Math.max(last == null ? 0 : last, previous == null ? 0 : previous.get(B_VERSION)) + 1;
            tx.insertInto(VERSIONS, B_ID, B_VERSION, B_STATE, B_DEFINITION, B_LOGO_TYPE, B_LOGO, B_FAVICON_TYPE, B_FAVICON, B_BY, B_AT)
                    .values(brand.id(), next, BrandVersion.DRAFT, definition,
                            logo != null ? logo.contentType() : previous == null ? null : previous.get(B_LOGO_TYPE),
                            logo != null ? base64(logo) : previous == null ? null : previous.get(B_LOGO),
                            favicon != null ? favicon.contentType() : previous == null ? null : previous.get(B_FAVICON_TYPE),
                            favicon != null ? base64(favicon) : previous == null ? null : previous.get(B_FAVICON), by, clock.millis()).execute();
            return next;
        });
        return version(brand.id(), version);
    }

    /** Publishes the brand's draft: refused (422) when a contrast pair fails, (409) when a host name is another brand's. */
    public BrandVersion publish(String brandId, String by) {
        int draft = database.dsl().select(B_VERSION).from(VERSIONS).where(B_ID.eq(brandId), B_STATE.eq(BrandVersion.DRAFT))
                .fetchOptional(B_VERSION).orElseThrow(() -> new ConflictException("no-draft", "brand " + brandId + " has no draft to publish"));
        return makeLive(brandId, draft, by, false);
    }

    /** Makes an earlier version live again, as a new version (the history keeps both). */
    public BrandVersion rollback(String brandId, int version, String by) {
        version(brandId, version);
        return makeLive(brandId, version, by, true);
    }

    private BrandVersion makeLive(String brandId, int version, String by, boolean copy) {
        Brand brand = brand(brandId, version);
        List<ContrastCheck.Failure> failures = ContrastCheck.check(brand.palette());
        if (!failures.isEmpty()) {
            throw new RejectedException("contrast", "brand " + brandId + " fails WCAG 2.1 AA contrast and was not published: "
                    + String.join("; ", failures.stream().map(ContrastCheck.Failure::message).toList()));
        }
        int live = database.inTransaction(tx -> {
            for (String host : brand.hosts()) {
                Optional<String> owner = tx.select(B_ID).from(HOSTS).where(H_HOST.eq(host), B_ID.ne(brandId)).fetchOptional(B_ID);
                if (owner.isPresent()) {
                    throw new ConflictException("host-taken", "host " + host + " shows brand " + owner.get() + "; remove it there first");
                }
            }
            int target = version;
            if (copy) {
                Integer last = tx.select(max(B_VERSION)).from(VERSIONS).where(B_ID.eq(brandId)).fetchOne(0, Integer.class);
                target = last + 1;
                Record old = tx.selectFrom(VERSIONS).where(B_ID.eq(brandId), B_VERSION.eq(version)).fetchOne();
                tx.insertInto(VERSIONS, B_ID, B_VERSION, B_STATE, B_DEFINITION, B_LOGO_TYPE, B_LOGO, B_FAVICON_TYPE, B_FAVICON, B_BY, B_AT)
                        .values(brandId, target, BrandVersion.DRAFT, old.get(B_DEFINITION), old.get(B_LOGO_TYPE), old.get(B_LOGO),
                                old.get(B_FAVICON_TYPE), old.get(B_FAVICON), by, clock.millis()).execute();
            }
            tx.update(VERSIONS).set(B_STATE, BrandVersion.RETIRED).where(B_ID.eq(brandId), B_STATE.eq(BrandVersion.PUBLISHED)).execute();
            tx.update(VERSIONS).set(B_STATE, BrandVersion.PUBLISHED).set(B_PUBLISHED, clock.millis())
                    .where(B_ID.eq(brandId), B_VERSION.eq(target)).execute();
            tx.deleteFrom(HOSTS).where(B_ID.eq(brandId)).execute();
            for (String host : brand.hosts()) {
                tx.insertInto(HOSTS, H_HOST, B_ID).values(host, brandId).execute();
            }
            return target;
        });
        byHost.clear();
        return version(brandId, live);
    }

    /** Makes a published brand the one pages show on host names no brand claims. */
    public void setDefault(String brandId) {
        if (published(brandId).isEmpty()) {
            throw new RejectedException("not-published", "brand " + brandId + " is not published; publish it before making it the default");
        }
        database.inTransaction(tx -> {
            if (tx.update(SETTINGS).set(S_VALUE, brandId).where(S_NAME.eq("default")).execute() == 0) {
                tx.insertInto(SETTINGS, S_NAME, S_VALUE).values("default", brandId).execute();
            }
            return null;
        });
        byHost.clear();
    }

    public Optional<String> defaultBrand() {
        return database.dsl().select(S_VALUE).from(SETTINGS).where(S_NAME.eq("default")).fetchOptional(S_VALUE);
    }

    /** The brand a page on {@code host} shows: the one claiming the host, else the default, else Veltrix's own. */
    public Live forHost(String host) {
        String key = host == null ? "" : host.toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
        Cached cached = byHost.get(key);
        long now = System.currentTimeMillis();
        if (cached != null && now - cached.at() < CACHE_MS) {
            return cached.live();
        }
        Live live = database.dsl().select(B_ID).from(HOSTS).where(H_HOST.eq(key)).fetchOptional(B_ID).flatMap(this::published)
                .or(() -> defaultBrand().flatMap(this::published)).orElse(new Live(Brand.veltrix(), 0, false, false));
        if (byHost.size() > HOSTS_CACHED_MAX) {
            byHost.clear(); // Host is the client's to choose: any number of them must not grow the cache without end
        }
        byHost.put(key, new Cached(live, now));
        return live;
    }

    /** The brand's live version, if it was published. */
    public Optional<Live> published(String brandId) {
        return database.dsl().select(B_VERSION, B_DEFINITION, B_LOGO_TYPE, B_FAVICON_TYPE).from(VERSIONS)
                .where(B_ID.eq(brandId), B_STATE.eq(BrandVersion.PUBLISHED)).fetchOptional(Brands::live);
    }

    /** The version an editor works on: the draft, else the published one. */
    public Optional<Live> working(String brandId) {
        return database.dsl().select(B_VERSION, B_DEFINITION, B_LOGO_TYPE, B_FAVICON_TYPE).from(VERSIONS).where(B_ID.eq(brandId),
                B_STATE.in(BrandVersion.DRAFT, BrandVersion.PUBLISHED)).orderBy(B_VERSION.desc()).limit(1).fetchOptional(Brands::live);
    }

    public Brand brand(String brandId, int version) {
        return database.dsl().select(B_DEFINITION).from(VERSIONS).where(B_ID.eq(brandId), B_VERSION.eq(version)).fetchOptional(B_DEFINITION)
                .map(Brands::read).orElseThrow(() -> new NotFoundException("brand " + brandId + " has no version " + version));
    }

    /** The brands, each by its working version, by id. */
    public List<Live> list() {
        return database.dsl().selectDistinct(B_ID).from(VERSIONS).orderBy(B_ID).fetch(B_ID).stream().map(id -> working(id).orElseThrow()).toList();
    }

    /** A brand's versions, the newest first. */
    public List<BrandVersion> history(String brandId) {
        return database.dsl().select(B_ID, B_VERSION, B_STATE, B_BY, B_AT, B_PUBLISHED).from(VERSIONS).where(B_ID.eq(brandId))
                .orderBy(B_VERSION.desc()).fetch(Brands::readVersion);
    }

    public BrandVersion version(String brandId, int version) {
        return database.dsl().select(B_ID, B_VERSION, B_STATE, B_BY, B_AT, B_PUBLISHED).from(VERSIONS).where(B_ID.eq(brandId), B_VERSION.eq(version))
                .fetchOptional(Brands::readVersion).orElseThrow(() -> new NotFoundException("brand " + brandId + " has no version " + version));
    }

    /** A version's logo or favicon ({@code kind} "logo" or "favicon"), if it has one. */
    public Optional<Asset> asset(String brandId, int version, String kind) {
        Field<String> type = kind.equals("logo") ? B_LOGO_TYPE : B_FAVICON_TYPE;
        Field<String> data = kind.equals("logo") ? B_LOGO : B_FAVICON;
        return database.dsl().select(type, data).from(VERSIONS).where(B_ID.eq(brandId), B_VERSION.eq(version), data.isNotNull())
                .fetchOptional(r -> new Asset(r.value1(), Base64.getDecoder().decode(r.value2())));
    }

    private static Live live(org.jooq.Record4<Integer, String, String, String> r) {
        return new Live(read(r.value2()), r.value1(), r.value3() != null, r.value4() != null);
    }

    private static String base64(Asset asset) {
        return Base64.getEncoder().encodeToString(asset.bytes());
    }

    private static BrandVersion readVersion(Record r) {
        return new BrandVersion(r.get(B_ID), r.get(B_VERSION), r.get(B_STATE), r.get(B_BY), Instant.ofEpochMilli(r.get(B_AT)),
                r.get(B_PUBLISHED) == null ? null : Instant.ofEpochMilli(r.get(B_PUBLISHED)));
    }

    private static String write(Brand brand) {
        try {
            return JSON.writeValueAsString(brand);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a brand failed to serialise", e);
        }
    }

    static Brand read(String definition) {
        try {
            return JSON.readValue(definition, Brand.class);
        } catch (IOException e) {
            throw new IllegalStateException("a stored brand is unreadable", e);
        }
    }
}
