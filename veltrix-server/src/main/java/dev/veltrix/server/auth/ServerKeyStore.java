package dev.veltrix.server.auth;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.error.NotFoundException;
import dev.veltrix.storage.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * API keys of game servers. A key reads {@code vx_<id>_<secret>}: the id finds the row, the secret
 * is checked against its stored SHA-256. Checked keys are cached briefly so the hot API path does
 * not read the database on every request; revoking clears this node's cache at once.
 */
public final class ServerKeyStore {
    private static final Table<Record> KEYS = table(name("server_keys"));
    private static final Field<String> ID = field(name("id"), String.class);
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<String> SECRET_HASH = field(name("secret_hash"), String.class);
    private static final Field<String> SCOPES = field(name("scopes"), String.class);
    private static final Field<Long> CREATED_AT = field(name("created_at"), Long.class);
    private static final Field<Long> REVOKED_AT = field(name("revoked_at"), Long.class);
    private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern TOKEN = Pattern.compile("vx_([a-z0-9]{12})_([A-Za-z0-9_-]{43})");

    private final Database database;
    private final Clock clock;
    private final Cache<String, Optional<ServerKey>> verified = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(30)).build();

    public ServerKeyStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A new key and its token; the token is shown once and cannot be recovered. */
    public record Created(ServerKey key, String token) {
    }

    public Created create(String keyName, Set<Scope> scopes) {
        if (keyName == null || !NAME_PATTERN.matcher(keyName).matches()) {
            throw InvalidInputException.of("name", "must be 1-64 letters, digits, _ . - starting with a letter or digit");
        }
        if (scopes.isEmpty()) {
            throw InvalidInputException.of("scopes", "name at least one of " + Scope.list());
        }
        String id = Secrets.token(12).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "0").substring(0, 12);
        String secret = Secrets.token(32);
        Instant now = clock.instant();
        database.inTransaction(tx -> tx.insertInto(KEYS, ID, NAME, SECRET_HASH, SCOPES, CREATED_AT)
                .values(id, keyName, Secrets.sha256(secret), Scope.format(scopes), now.toEpochMilli()).execute());
        return new Created(new ServerKey(id, keyName, Set.copyOf(scopes), now, null), "vx_" + id + "_" + secret);
    }

    /** The key a bearer token belongs to, if the token is genuine and not revoked. */
    public Optional<ServerKey> authenticate(String token) {
        if (token == null) {
            return Optional.empty();
        }
        var match = TOKEN.matcher(token);
        if (!match.matches()) {
            return Optional.empty();
        }
        return verified.get(token, t -> lookup(match.group(1), match.group(2)));
    }

    private Optional<ServerKey> lookup(String id, String secret) {
        return database.dsl().select(ID, NAME, SECRET_HASH, SCOPES, CREATED_AT, REVOKED_AT).from(KEYS).where(ID.eq(id))
                .fetchOptional()
                .filter(r -> r.get(REVOKED_AT) == null && Secrets.constantTimeEquals(r.get(SECRET_HASH), Secrets.sha256(secret)))
                .map(this::read);
    }

    public List<ServerKey> list() {
        return database.dsl().select(ID, NAME, SECRET_HASH, SCOPES, CREATED_AT, REVOKED_AT).from(KEYS)
                .orderBy(CREATED_AT.desc()).fetch(this::read);
    }

    public void revoke(String id) {
        int updated = database.inTransaction(tx -> tx.update(KEYS).set(REVOKED_AT, clock.millis())
                .where(ID.eq(id).and(REVOKED_AT.isNull())).execute());
        if (updated == 0) {
            throw new NotFoundException("no active server key " + id + "; `veltrix server-key list` shows them");
        }
        verified.invalidateAll();
    }

    private ServerKey read(Record r) {
        Long revoked = r.get(REVOKED_AT);
        return new ServerKey(r.get(ID), r.get(NAME), Scope.parseAll(r.get(SCOPES)), Instant.ofEpochMilli(r.get(CREATED_AT)),
                revoked == null ? null : Instant.ofEpochMilli(revoked));
    }
}
