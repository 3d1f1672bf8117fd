package dev.veltrix.server.auth;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.veltrix.storage.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * Browser sessions for the console (admins) and the portal (players). The cookie carries a random
 * token; the database keeps only its hash, so a leaked table cannot be replayed as cookies.
 */
public final class WebSessions {
    private static final Table<Record> SESSIONS = table(name("web_sessions"));
    private static final Field<String> TOKEN_HASH = field(name("token_hash"), String.class);
    private static final Field<String> KIND = field(name("kind"), String.class);
    private static final Field<String> SUBJECT = field(name("subject"), String.class);
    private static final Field<String> CSRF = field(name("csrf_token"), String.class);
    private static final Field<Long> CREATED_AT = field(name("created_at"), Long.class);
    private static final Field<Long> EXPIRES_AT = field(name("expires_at"), Long.class);

    /** Who a session belongs to. */
    public enum Kind { ADMIN, PLAYER }

    /** A live session; {@code csrfToken} must accompany every form it posts. */
    public record Session(Kind kind, String subject, String csrfToken) {
    }

    /** A new session and the cookie token for it. */
    public record Opened(Session session, String token) {
    }

    private final Database database;
    private final Clock clock;
    private final Duration lifetime;

    public WebSessions(Database database, Clock clock, Duration lifetime) {
        this.database = database;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }

    public Opened open(Kind kind, String subject) {
        String token = Secrets.token(32);
        Session session = new Session(kind, subject, Secrets.token(24));
        long now = clock.millis();
        database.inTransaction(tx -> {
            // Expired sessions are swept on each login, which bounds the table by active sessions.
            tx.deleteFrom(SESSIONS).where(EXPIRES_AT.lt(now)).execute();
            return tx.insertInto(SESSIONS, TOKEN_HASH, KIND, SUBJECT, CSRF, CREATED_AT, EXPIRES_AT)
                    .values(Secrets.sha256(token), kind.name(), subject, session.csrfToken(), now, now + lifetime.toMillis())
                    .execute();
        });
        return new Opened(session, token);
    }

    public Optional<Session> find(String token, Kind kind) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        return database.dsl().select(SUBJECT, CSRF).from(SESSIONS)
                .where(TOKEN_HASH.eq(Secrets.sha256(token)).and(KIND.eq(kind.name())).and(EXPIRES_AT.gt(clock.millis())))
                .fetchOptional(r -> new Session(kind, r.get(SUBJECT), r.get(CSRF)));
    }

    public void close(String token) {
        if (token != null) {
            database.inTransaction(tx -> tx.deleteFrom(SESSIONS).where(TOKEN_HASH.eq(Secrets.sha256(token))).execute());
        }
    }

    /** Ends every session of a subject, such as after a password change. */
    public void closeAll(Kind kind, String subject) {
        database.inTransaction(tx -> tx.deleteFrom(SESSIONS).where(KIND.eq(kind.name()).and(SUBJECT.eq(subject))).execute());
    }
}
