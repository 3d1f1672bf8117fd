package dev.veltrix.server.auth;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.core.id.UuidV7;
import dev.veltrix.storage.Database;
import java.time.Clock;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** Console administrators and their password hashes. */
public final class AdminStore {
    private static final Table<Record> ADMINS = table(name("admins"));
    private static final Field<String> ID = field(name("id"), String.class);
    private static final Field<String> USERNAME = field(name("username"), String.class);
    private static final Field<String> PASSWORD_HASH = field(name("password_hash"), String.class);
    private static final Field<String> ROLE = field(name("role"), String.class);
    private static final Field<Integer> MUST_CHANGE = field(name("must_change_password"), Integer.class);
    private static final Field<Long> CREATED_AT = field(name("created_at"), Long.class);
    private static final Field<String> BRAND = field(name("brand"), String.class);
    // Checked against when a username is unknown, so both cases take the same time.
    private static final String DUMMY_HASH = PasswordHasher.hash("not-a-real-password-at-all");

    private final Database database;
    private final Clock clock;

    public AdminStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public boolean isEmpty() {
        return database.dsl().fetchCount(ADMINS) == 0;
    }

    public Admin create(String username, String password, String role, boolean mustChangePassword) {
        checkPassword(password);
        String id = UuidV7.next().toString();
        database.inTransaction(tx -> tx.insertInto(ADMINS, ID, USERNAME, PASSWORD_HASH, ROLE, MUST_CHANGE, CREATED_AT)
                .values(id, username, PasswordHasher.hash(password), role, mustChangePassword ? 1 : 0, clock.millis())
                .execute());
        return new Admin(id, username, role, mustChangePassword);
    }

    /** An admin of one brand, with a one-time password they change at their first sign-in. */
    public Admin createForBrand(String username, String password, String brand) {
        checkPassword(password);
        String id = UuidV7.next().toString();
        try {
            database.inTransaction(tx -> tx.insertInto(ADMINS, ID, USERNAME, PASSWORD_HASH, ROLE, MUST_CHANGE, CREATED_AT, BRAND)
                    .values(id, username, PasswordHasher.hash(password), Admin.BRAND, 1, clock.millis(), brand).execute());
        } catch (RuntimeException e) {
            if (database.kind().isDuplicateKey(e)) {
                throw new dev.veltrix.core.error.ConflictException("admin-exists", "an admin named " + username + " exists");
            }
            throw e;
        }
        return new Admin(id, username, Admin.BRAND, true, brand);
    }

    /** The admin whose password this is, or empty. Takes the same time for unknown usernames. */
    public Optional<Admin> verify(String username, String password) {
        var row = database.dsl().select(ID, USERNAME, PASSWORD_HASH, ROLE, MUST_CHANGE, BRAND).from(ADMINS)
                .where(USERNAME.eq(username)).fetchOptional();
        boolean matches = PasswordHasher.matches(password, row.map(r -> r.get(PASSWORD_HASH)).orElse(DUMMY_HASH));
        return matches ? row.map(this::read) : Optional.empty();
    }

    public Optional<Admin> byId(String id) {
        return database.dsl().select(ID, USERNAME, PASSWORD_HASH, ROLE, MUST_CHANGE, BRAND).from(ADMINS).where(ID.eq(id))
                .fetchOptional(this::read);
    }

    public void changePassword(String id, String newPassword) {
        checkPassword(newPassword);
        database.inTransaction(tx -> tx.update(ADMINS).set(PASSWORD_HASH, PasswordHasher.hash(newPassword))
                .set(MUST_CHANGE, 0).where(ID.eq(id)).execute());
    }

    /** Sets a one-time password that must be changed at the next sign-in; 404 when there is no such admin. */
    public void resetPassword(String username, String oneTimePassword) {
        checkPassword(oneTimePassword);
        int updated = database.inTransaction(tx -> tx.update(ADMINS).set(PASSWORD_HASH, PasswordHasher.hash(oneTimePassword))
                .set(MUST_CHANGE, 1).where(USERNAME.eq(username)).execute());
        if (updated == 0) {
            throw new dev.veltrix.core.error.NotFoundException("no admin " + username);
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < PasswordHasher.PASSWORD_LENGTH_MIN
                || password.length() > PasswordHasher.PASSWORD_LENGTH_MAX) {
            throw InvalidInputException.of("password", "must be " + PasswordHasher.PASSWORD_LENGTH_MIN + " to "
                    + PasswordHasher.PASSWORD_LENGTH_MAX + " characters long");
        }
    }

    private Admin read(Record r) {
        return new Admin(r.get(ID), r.get(USERNAME), r.get(ROLE), r.get(MUST_CHANGE) == 1, r.get(BRAND));
    }
}
