package dev.veltrix.economy.ledger.sql;

import static dev.veltrix.economy.ledger.sql.LedgerTables.*;

import dev.veltrix.core.error.InvalidInputException;
import dev.veltrix.economy.ledger.AccountId;
import dev.veltrix.economy.ledger.Transfer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/**
 * Reads an account's transfers newest first by following their links (see the V2 migration): each balance row names
 * the newest transfer of its account and currency, and each transfer the payer's and the payee's transfer before it.
 * One primary-key read per transfer, so a page of 50 costs 50 index seeks however long the account's history is.
 */
final class TransferChains {
    /** The codec's columns, in its order (what {@link LedgerCodec#read(ResultSet)} reads), then the two links. */
    private static final String TRANSFER = "select " + String.join(", ", LedgerCodec.COLUMNS.stream().map(org.jooq.Field::getName).toList())
            + ", prev_from, prev_to from ledger_transfers where id = ?";
    private static final int PREV_FROM = LedgerCodec.COLUMNS.size() + 1;

    /** What a walk found, and where the chains it did not finish go on (empty when every one ended). */
    record Walk(List<Transfer> transfers, SortedMap<String, String> heads) {
    }

    private TransferChains() {
    }

    /** The newest transfer of each of the account's currencies: where its chains start. */
    static SortedMap<String, String> heads(DSLContext dsl, AccountId account) {
        SortedMap<String, String> heads = new TreeMap<>();
        dsl.select(BAL_CURRENCY, BAL_LAST_TRANSFER).from(BALANCES).where(BAL_ACCOUNT.eq(account.value()))
                .and(BAL_LAST_TRANSFER.isNotNull())
                .forEach(r -> heads.put(r.value1(), r.value2()));
        return heads;
    }

    /**
     * Up to {@code limit} transfers from {@code heads} on, newest first across the chains (the newest next transfer of
     * all chains is taken each time). With {@code fromCaller}, a head that is not a transfer of the account in the
     * currency it is listed under is the caller's mistake (a 400); otherwise it is damage to the books.
     */
    static Walk walk(DSLContext dsl, LedgerCodec codec, AccountId account, SortedMap<String, String> heads, int limit,
                     boolean fromCaller) {
        SortedMap<String, String> next = new TreeMap<>(heads);
        List<Transfer> found = new ArrayList<>(Math.min(limit, 256));
        dsl.connection(connection -> {
            try (PreparedStatement read = connection.prepareStatement(TRANSFER)) {
                while (found.size() < limit && !next.isEmpty()) {
                    Map.Entry<String, String> newest = newest(next);
                    String prev = read(read, codec, account, newest.getKey(), newest.getValue(), fromCaller, found::add);
                    if (prev == null) {
                        next.remove(newest.getKey());
                    } else {
                        next.put(newest.getKey(), prev);
                    }
                }
            }
        });
        return new Walk(found, next);
    }

    /** The account's transfers in one currency, newest first, down to the first one older than {@code floorId}. */
    static List<Transfer> since(DSLContext dsl, LedgerCodec codec, AccountId account, String currency, String floorId) {
        String head = heads(dsl, account).get(currency);
        List<Transfer> found = new ArrayList<>();
        dsl.connection(connection -> {
            try (PreparedStatement read = connection.prepareStatement(TRANSFER)) {
                String id = head;
                while (id != null && id.compareTo(floorId) >= 0) {
                    id = read(read, codec, account, currency, id, false, found::add);
                }
            }
        });
        return found;
    }

    /** Reads one transfer of the chain and hands it on; returns the account's transfer before it, or null at the start. */
    private static String read(PreparedStatement read, LedgerCodec codec, AccountId account, String currency, String id,
                               boolean fromCaller, Consumer<Transfer> step) throws SQLException {
        read.setString(1, id);
        try (ResultSet row = read.executeQuery()) {
            Transfer transfer = row.next() ? codec.read(row) : null;
            if (transfer == null || !transfer.currency().equals(currency)
                    || !(transfer.from().equals(account) || transfer.to().equals(account))) {
                if (fromCaller) {
                    throw InvalidInputException.of("cursor", "the cursor does not belong to " + account.value()
                            + "; pass the nextCursor of this account's previous page unchanged, or none for the newest page");
                }
                throw new IllegalStateException("the books link " + account.value() + "'s " + currency + " history to transfer "
                        + id + ", which is not one of its " + currency + " transfers; run veltrix verify");
            }
            step.accept(transfer);
            return row.getString(transfer.from().equals(account) ? PREV_FROM : PREV_FROM + 1);
        }
    }

    private static Map.Entry<String, String> newest(SortedMap<String, String> heads) {
        Map.Entry<String, String> newest = null;
        for (Map.Entry<String, String> head : heads.entrySet()) {
            if (newest == null || head.getValue().compareTo(newest.getValue()) > 0) {
                newest = head;
            }
        }
        return newest;
    }
}
