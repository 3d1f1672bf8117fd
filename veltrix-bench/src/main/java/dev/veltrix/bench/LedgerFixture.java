package dev.veltrix.bench;

import dev.veltrix.economy.ledger.sql.JooqLedgerStore;
import dev.veltrix.storage.Database;
import dev.veltrix.storage.StorageConfig;
import dev.veltrix.storage.StorageSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes the books of a large network straight into a SQLite file, for the backup benchmark: {@code ACCOUNTS} players
 * each paid once from issuance, then transfers between random players until there are {@code TRANSFERS}, with history links
 * and balances that sum exactly (so {@code veltrix verify} passes). Going through the ledger service would take an hour;
 * the rows are the ones it writes, in its key order, so the file is what a network of that size holds.
 *
 * <p>{@code java -cp veltrix-bench.jar dev.veltrix.bench.LedgerFixture data/veltrix.db 1000000 5000000}
 */
public final class LedgerFixture {
    private static final long START = 1_000;
    private static final int BATCH = 10_000;
    private static final String ISSUANCE = "system:issuance";

    private LedgerFixture() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int accounts = Integer.parseInt(args[1]);
        int transfers = Integer.parseInt(args[2]);
        if (transfers < accounts) {
            throw new IllegalArgumentException("TRANSFERS must be at least ACCOUNTS: every account is paid once first");
        }
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " exists; the fixture writes a new database");
        }
        long started = System.nanoTime();
        String[] names = new String[accounts];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < accounts; i++) {
            names[i] = "player:" + new UUID(random.nextLong(), random.nextLong());
        }
        Arrays.sort(names); // index order is key order: every table is written append-only
        int[] from = new int[transfers];
        int[] to = new int[transfers];
        long[] amount = new long[transfers];
        long[] balance = new long[accounts];
        for (int t = 0; t < transfers; t++) {
            if (t < accounts) {
                from[t] = -1;
                to[t] = t;
                amount[t] = START;
            } else {
                do {
                    from[t] = random.nextInt(accounts);
                    to[t] = random.nextInt(accounts);
                    amount[t] = 1 + random.nextInt(20);
                } while (from[t] == to[t] || balance[from[t]] < amount[t]); // players never go below zero
                balance[from[t]] -= amount[t];
            }
            balance[to[t]] += amount[t];
        }
        try (Database database = Database.open(StorageConfig.sqlite(file.toString()))) {
            database.migrate(List.of(StorageSchema.MODULE, JooqLedgerStore.SCHEMA));
            try (Connection c = database.dataSource().getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_currencies (code, name, decimals, created_at) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, "coins");
                    ps.setString(2, "Coins");
                    ps.setInt(3, 0);
                    ps.setLong(4, 0);
                    ps.executeUpdate();
                }
                writeBalances(c, names, balance, writeTransfers(c, names, from, to, amount));
                c.commit();
            }
        }
        System.out.printf("%s: %,d accounts, %,d transfers in %.1f s%n", file, accounts, transfers, (System.nanoTime() - started) / 1e9);
    }

    /** Transfer ids in the ledger's order (UUIDv7 rises with time): here they rise with the transfer's number. */
    private static String id(int transfer) {
        return new UUID(0x0193_0000_0000_7000L, 0x8000_0000_0000_0000L | transfer).toString();
    }

    /**
     * Transfers in key order, each linked to its payer's and its payee's transfer before it; returns each account's
     * newest transfer (issuance's last), which its balance row holds.
     */
    private static int[] writeTransfers(Connection c, String[] names, int[] from, int[] to, long[] amount) throws SQLException {
        int[] last = new int[names.length + 1];
        Arrays.fill(last, -1);
        int issuance = names.length;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_transfers (id, posting_id, leg, from_account, to_account, currency, "
                + "amount, reference, metadata, posted_at, prev_from, prev_to) VALUES (?, ?, 0, ?, ?, 'coins', ?, 'bench', NULL, ?, ?, ?)")) {
            for (int t = 0; t < from.length; t++) {
                int payer = from[t] < 0 ? issuance : from[t];
                ps.setString(1, id(t));
                ps.setString(2, id(t));
                ps.setString(3, payer == issuance ? ISSUANCE : names[payer]);
                ps.setString(4, names[to[t]]);
                ps.setLong(5, amount[t]);
                ps.setLong(6, 1_764_000_000_000L + t);
                ps.setString(7, last[payer] < 0 ? null : id(last[payer]));
                ps.setString(8, last[to[t]] < 0 ? null : id(last[to[t]]));
                last[payer] = t;
                last[to[t]] = t;
                batch(ps, t);
            }
            ps.executeBatch();
        }
        return last;
    }

    private static void writeBalances(Connection c, String[] names, long[] balance, int[] last) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_balances (account, currency, balance, last_transfer) VALUES (?, 'coins', ?, ?)")) {
            long issued = 0;
            for (int a = 0; a < names.length; a++) {
                ps.setString(1, names[a]);
                ps.setLong(2, balance[a]);
                ps.setString(3, id(last[a]));
                issued += balance[a];
                batch(ps, a);
            }
            ps.setString(1, ISSUANCE);
            ps.setLong(2, -issued);
            ps.setString(3, id(last[names.length]));
            ps.addBatch();
            ps.executeBatch();
        }
    }

    private static void batch(PreparedStatement ps, int row) throws SQLException {
        ps.addBatch();
        if (row % BATCH == BATCH - 1) {
            ps.executeBatch();
        }
    }
}
