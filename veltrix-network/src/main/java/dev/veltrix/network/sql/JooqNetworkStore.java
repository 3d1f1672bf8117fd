package dev.veltrix.network.sql;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.veltrix.network.GameServer;
import dev.veltrix.network.NetworkStore;
import dev.veltrix.network.ServerKind;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.SchemaModule;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/** Servers and sessions in SQL, for SQLite, PostgreSQL and MariaDB alike. */
public final class JooqNetworkStore implements NetworkStore {
    public static final SchemaModule SCHEMA = new SchemaModule("network");
    private static final Table<Record> SERVERS = table(name("network_servers"));
    private static final Field<String> S_NAME = field(name("name"), String.class);
    private static final Field<String> S_KIND = field(name("kind"), String.class);
    private static final Field<String> S_GROUP = field(name("grp"), String.class);
    private static final Field<String> S_ADDRESS = field(name("address"), String.class);
    private static final Field<Integer> S_CAPACITY = field(name("capacity"), Integer.class);
    private static final Field<String> S_TAGS = field(name("tags"), String.class);
    private static final Field<Integer> S_MAINTENANCE = field(name("maintenance"), Integer.class);
    private static final Field<Integer> S_PLAYERS = field(name("players"), Integer.class);
    private static final Field<Double> S_TPS = field(name("tps"), Double.class);
    private static final Field<Integer> S_MEMORY = field(name("memory_mb"), Integer.class);
    private static final Field<Long> S_HEARTBEAT = field(name("last_heartbeat"), Long.class);

    private static final Table<Record> SESSIONS = table(name("network_sessions"));
    private static final Table<Record> NAMES = table(name("network_player_names"));
    private static final Field<String> P_PLAYER = field(name("player"), String.class);
    private static final Field<String> P_NAME = field(name("name"), String.class);
    private static final Field<String> P_KEY = field(name("name_key"), String.class);
    private static final Field<Long> P_SEEN = field(name("seen_at"), Long.class);
    private static final Field<String> N_PLAYER = field(name("player"), String.class);
    private static final Field<String> N_SERVER = field(name("server"), String.class);
    private static final Field<Long> N_SINCE = field(name("since"), Long.class);
    private static final Field<String> N_LAST_SERVER = field(name("last_server"), String.class);
    private static final Field<Long> N_LEFT_AT = field(name("left_at"), Long.class);

    private final Database database;

    public JooqNetworkStore(Database database) {
        this.database = database;
    }

    @Override
    public void register(GameServer s) {
        database.inTransaction(tx -> {
            tx.deleteFrom(SERVERS).where(S_NAME.eq(s.name())).execute();
            return tx.insertInto(SERVERS, S_NAME, S_KIND, S_GROUP, S_ADDRESS, S_CAPACITY, S_TAGS, S_MAINTENANCE, S_PLAYERS,
                            S_TPS, S_MEMORY, S_HEARTBEAT)
                    .values(s.name(), s.kind().name(), s.group(), s.address(), s.capacity(), String.join(",", s.tags()),
                            s.maintenance() ? 1 : 0, s.players(), s.tps(), s.memoryMb(), s.lastHeartbeat().toEpochMilli())
                    .execute();
        });
    }

    @Override
    public boolean heartbeat(String name, int players, double tps, int memoryMb, Instant at) {
        return database.dsl().update(SERVERS).set(S_PLAYERS, players).set(S_TPS, tps).set(S_MEMORY, memoryMb)
                .set(S_HEARTBEAT, at.toEpochMilli()).where(S_NAME.eq(name)).execute() == 1;
    }

    @Override
    public boolean maintenance(String name, boolean on) {
        return database.dsl().update(SERVERS).set(S_MAINTENANCE, on ? 1 : 0).where(S_NAME.eq(name)).execute() == 1;
    }

    @Override
    public List<GameServer> servers(Instant downBefore) {
        return database.dsl().selectFrom(SERVERS).orderBy(S_GROUP, S_NAME).fetch(r -> server(r, downBefore));
    }

    @Override
    public Optional<GameServer> server(String name, Instant downBefore) {
        return database.dsl().selectFrom(SERVERS).where(S_NAME.eq(name)).fetchOptional(r -> server(r, downBefore));
    }

    private static GameServer server(Record r, Instant downBefore) {
        String tags = r.get(S_TAGS);
        Instant heartbeat = Instant.ofEpochMilli(r.get(S_HEARTBEAT));
        return new GameServer(r.get(S_NAME), ServerKind.valueOf(r.get(S_KIND)), r.get(S_GROUP), r.get(S_ADDRESS),
                r.get(S_CAPACITY), tags.isEmpty() ? List.of() : Arrays.asList(tags.split(",")), r.get(S_MAINTENANCE) == 1,
                r.get(S_PLAYERS), r.get(S_TPS), r.get(S_MEMORY), heartbeat, !heartbeat.isBefore(downBefore));
    }

    @Override
    public void join(UUID player, String server, Instant at) {
        database.inTransaction(tx -> {
            Record old = tx.selectFrom(SESSIONS).where(N_PLAYER.eq(player.toString())).fetchOne();
            String last = old == null ? null : old.get(N_SERVER) != null ? old.get(N_SERVER) : old.get(N_LAST_SERVER);
            tx.deleteFrom(SESSIONS).where(N_PLAYER.eq(player.toString())).execute();
            return tx.insertInto(SESSIONS, N_PLAYER, N_SERVER, N_SINCE, N_LAST_SERVER, N_LEFT_AT)
                    .values(player.toString(), server, at.toEpochMilli(), last, null).execute();
        });
    }

    @Override
    public void rememberName(UUID player, String name, Instant at) {
        database.inTransaction(tx -> {
            int updated = tx.update(NAMES).set(P_NAME, name).set(P_KEY, name.toLowerCase(java.util.Locale.ROOT))
                    .set(P_SEEN, at.toEpochMilli()).where(P_PLAYER.eq(player.toString())).execute();
            if (updated == 0) {
                tx.insertInto(NAMES, P_PLAYER, P_NAME, P_KEY, P_SEEN)
                        .values(player.toString(), name, name.toLowerCase(java.util.Locale.ROOT), at.toEpochMilli()).execute();
            }
            return null;
        });
    }

    @Override
    public Optional<dev.veltrix.network.PlayerName> playerNamed(String name) {
        return database.dsl().select(P_PLAYER, P_NAME).from(NAMES).where(P_KEY.eq(name.toLowerCase(java.util.Locale.ROOT)))
                .orderBy(P_SEEN.desc()).limit(1)
                .fetchOptional(r -> new dev.veltrix.network.PlayerName(UUID.fromString(r.get(P_PLAYER)), r.get(P_NAME)));
    }

    @Override
    public Optional<String> nameOf(UUID player) {
        return database.dsl().select(P_NAME).from(NAMES).where(P_PLAYER.eq(player.toString())).fetchOptional(P_NAME);
    }

    @Override
    public void leave(UUID player, Instant at) {
        database.dsl().update(SESSIONS).set(N_LAST_SERVER, N_SERVER).set(N_SERVER, (String) null).set(N_LEFT_AT, at.toEpochMilli())
                .where(N_PLAYER.eq(player.toString())).and(N_SERVER.isNotNull()).execute();
    }

    @Override
    public int leaveAll(String server, Instant at) {
        return database.dsl().update(SESSIONS).set(N_LAST_SERVER, N_SERVER).set(N_SERVER, (String) null)
                .set(N_LEFT_AT, at.toEpochMilli()).where(N_SERVER.eq(server)).execute();
    }

    @Override
    public Optional<Session> session(UUID player) {
        return database.dsl().selectFrom(SESSIONS).where(N_PLAYER.eq(player.toString())).fetchOptional(r -> new Session(
                r.get(N_SERVER), Instant.ofEpochMilli(r.get(N_SINCE)), r.get(N_LAST_SERVER),
                r.get(N_LEFT_AT) == null ? null : Instant.ofEpochMilli(r.get(N_LEFT_AT))));
    }
}
