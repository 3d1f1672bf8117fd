package dev.veltrix.server.auth;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.veltrix.storage.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Links a web visitor to a game identity: the player's game server asks for a one-time code (shown
 * in game), and the player types it into the portal. A code works once and expires in minutes.
 */
public final class PlayerLogins {
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    private static final Table<Record> CODES = table(name("player_login_codes"));
    private static final Field<String> CODE_HASH = field(name("code_hash"), String.class);
    private static final Field<String> PLAYER = field(name("player"), String.class);
    private static final Field<Long> EXPIRES_AT = field(name("expires_at"), Long.class);
    private static final Field<Long> USED_AT = field(name("used_at"), Long.class);

    private final Database database;
    private final Clock clock;

    public PlayerLogins(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A code issued to a player. */
    public record Code(String code, UUID player, Instant expiresAt) {
    }

    public Code issue(UUID player) {
        String code = Secrets.humanCode();
        long now = clock.millis();
        long expires = now + CODE_LIFETIME.toMillis();
        database.inTransaction(tx -> {
            tx.deleteFrom(CODES).where(EXPIRES_AT.lt(now)).execute();
            return tx.insertInto(CODES, CODE_HASH, PLAYER, EXPIRES_AT).values(Secrets.sha256(code), player.toString(), expires)
                    .execute();
        });
        return new Code(code, player, Instant.ofEpochMilli(expires));
    }

    /** The player a code belongs to, spending the code; empty for unknown, used or expired codes. */
    public Optional<UUID> redeem(String typed) {
        String code = typed == null ? "" : typed.trim().toUpperCase(Locale.ROOT);
        if (code.length() == 8) {
            code = code.substring(0, 4) + "-" + code.substring(4);
        }
        String hash = Secrets.sha256(code);
        long now = clock.millis();
        return database.inTransaction(tx -> {
            // The conditional update spends the code; a second redeem of the same code updates nothing.
            int spent = tx.update(CODES).set(USED_AT, now)
                    .where(CODE_HASH.eq(hash).and(USED_AT.isNull()).and(EXPIRES_AT.gt(now))).execute();
            if (spent == 0) {
                return Optional.<UUID>empty();
            }
            return Optional.of(UUID.fromString(tx.select(PLAYER).from(CODES).where(CODE_HASH.eq(hash)).fetchOne(PLAYER)));
        });
    }
}
